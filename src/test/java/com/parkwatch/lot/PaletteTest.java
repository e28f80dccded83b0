package com.parkwatch.lot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaletteTest {

    @Test
    void everyStateHasAColourThatReadsUnderBlackTextAtBetterThan4point5To1() {
        for (SpotState s : SpotState.values()) {
            assertTrue(contrastWithBlack(Palette.rgb(s)) >= 4.5, s + " " + Palette.hex(Palette.rgb(s)));
        }
        assertTrue(contrastWithBlack(Palette.NOT_LIVE) >= 4.5);
    }

    @Test
    void theKioskAndThePagesTakeTheirColoursFromThePaletteAndNowhereElse() throws IOException {
        String css = Palette.css("background");
        for (SpotState s : SpotState.values()) {
            assertTrue(css.contains(".spot-" + s.word() + " { background: " + Palette.hex(Palette.rgb(s)) + "; }"), css);
        }
        for (String resource : new String[]{"/ui/kiosk.css", "/web/index.html", "/web/booking.html"}) {
            String text = read(resource);
            for (SpotState s : SpotState.values()) {
                assertFalse(text.contains(".spot-" + s.word() + " {") || text.contains("." + s.word() + " {"),
                        resource + " gives " + s + " a colour of its own");
            }
        }
        assertTrue(read("/web/index.html").contains("/palette.css"));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PaletteTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** WCAG's contrast ratio of a colour against black. */
    private static double contrastWithBlack(int rgb) {
        double luminance = 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
        return (luminance + 0.05) / 0.05;
    }

    private static double linear(int channel) {
        double c = (channel & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
