package com.parkwatch.lot;

import java.util.Locale;

/**
 * The colour of each spot state, in one place: the annotated frames, the kiosk's tiles and the web pages all take
 * theirs from here (the kiosk and the pages through {@link #css}), so the three can no longer disagree. Each is
 * light enough for black text at better than 4.5:1.
 */
public final class Palette {

    /** Shown for a spot whose state is not current: the camera is not watching. */
    public static final int NOT_LIVE = 0x607d8b;

    private Palette() {
    }

    /** The state's colour as 0xRRGGBB. */
    public static int rgb(SpotState state) {
        return switch (state) {
            case FREE -> 0x66bb6a;
            case RESERVED -> 0xffb300;
            case OCCUPIED -> 0xef5350;
            case UNKNOWN -> 0x9e9e9e;
            case CLOSED -> 0xb39ddb;
        };
    }

    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    /**
     * A style sheet with one rule per state, {@code .spot-free { PROPERTY: #66bb6a; }}, and {@code .spot-stale} for
     * spots not watched: JavaFX names the property {@code -fx-background-color}, browsers {@code background}.
     */
    public static String css(String property) {
        StringBuilder css = new StringBuilder();
        for (SpotState s : SpotState.values()) {
            css.append(".spot-").append(s.word()).append(" { ").append(property).append(": ").append(hex(rgb(s))).append("; }\n");
        }
        css.append(".spot-stale { ").append(property).append(": ").append(hex(NOT_LIVE)).append("; }\n");
        return css.toString();
    }
}
