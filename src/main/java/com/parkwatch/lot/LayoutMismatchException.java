package com.parkwatch.lot;

/** A layout that cannot serve the frames it is meant for. */
public class LayoutMismatchException extends LayoutException {
    public LayoutMismatchException(String message) {
        super(message);
    }
}
