package com.parkwatch.vision.video;

/** A frame source that cannot open or cannot go on; the message is one sentence fit for a user. */
public class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
