package com.parkwatch.ui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A window's size in pixels, as {@code --size WxH} gives it: from 1024x768 (the smallest the kiosk lays out) to 8K. */
public record WindowSize(int width, int height) {

    private static final int SMALLEST_WIDTH = 1024;
    private static final int SMALLEST_HEIGHT = 768;
    private static final int LARGEST_SIDE = 7680;
    public static final WindowSize SCREENSHOT = new WindowSize(1600, 900);
    private static final Pattern FORM = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    public WindowSize {
        if (width < SMALLEST_WIDTH || height < SMALLEST_HEIGHT || width > LARGEST_SIDE || height > LARGEST_SIDE) {
            throw new IllegalArgumentException("the kiosk's window (--size) must be from 1024x768 to " + LARGEST_SIDE + "x"
                    + LARGEST_SIDE + " pixels, not " + width + "x" + height);
        }
    }

    /** "1920x1080"; anything else is refused in a sentence. */
    public static WindowSize parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--size takes WIDTHxHEIGHT in pixels, like 1920x1080, not \"" + text + "\"");
        }
        return new WindowSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
