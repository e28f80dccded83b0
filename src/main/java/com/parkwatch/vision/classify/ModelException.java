package com.parkwatch.vision.classify;

/** A model that cannot be loaded or trained; the message is one sentence fit for a user. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }
}
