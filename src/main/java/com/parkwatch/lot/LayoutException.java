package com.parkwatch.lot;

/** A layout source that cannot be read or holds no usable spots. */
public class LayoutException extends IllegalArgumentException {
    public LayoutException(String message) {
        super(message);
    }
}
