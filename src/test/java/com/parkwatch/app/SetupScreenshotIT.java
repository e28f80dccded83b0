package com.parkwatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parkwatch --setup --screenshot} draws the layout editor with no display, as the packaged jar runs it. */
class SetupScreenshotIT {

    @TempDir
    Path dir;

    @Test
    void setupStartsTheKioskInTheLayoutEditorAndScreenshotsItHeadless() throws Exception {
        Jar.Result r = Jar.run(dir, "--setup", "--screenshot", "editor.png", "--after-frames", "30", "--port", "-1",
                "--data-dir", dir.resolve("data").toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage shot = ImageIO.read(dir.resolve("editor.png").toFile());
        assertEquals(1600, shot.getWidth());
        // The editor's panel of buttons on the right, with its green Save button; the kiosk has none there.
        assertTrue(has(shot, 0x1b5e20, 1130, 0, 1600, 900), "the editor's Save button (the kiosk's .confirm green) is on the screenshot");
        // Its picture: the simulated lot's frame with its bays, drawn in the editor's cyan.
        assertTrue(has(shot, 0x00e5ff, 0, 100, 1100, 860), "the bays are drawn on the lot's picture");
    }

    private static boolean has(BufferedImage image, int rgb, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = image.getRGB(x, y) & 0xffffff;
                if (Math.abs((p >> 16) - (rgb >> 16)) < 12 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
                    return true;
                }
            }
        }
        return false;
    }
}
