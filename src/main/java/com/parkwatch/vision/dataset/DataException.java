package com.parkwatch.vision.dataset;

/** Labelled data that cannot be read as asked: a folder with no patches, a frame without its labels. One sentence. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }
}
