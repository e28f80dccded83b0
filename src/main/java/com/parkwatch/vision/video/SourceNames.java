package com.parkwatch.vision.video;

import java.util.regex.Pattern;

/**
 * Camera URLs often carry a user and password (rtsp://user:pass@host/...): every message, log line and page that
 * names a source goes through {@link #redacted} so that they never show.
 */
public final class SourceNames {

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s\"']+@");

    private SourceNames() {
    }

    /** The text with the credentials of any URL in it replaced by {@code ***}. */
    public static String redacted(String text) {
        return USER_INFO.matcher(text).replaceAll("***@");
    }
}
