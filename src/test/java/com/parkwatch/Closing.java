package com.parkwatch;

/** Closes what a test opened, in the order given, skipping what it never got to open. */
public final class Closing {

    private Closing() {
    }

    public static void inOrder(AutoCloseable... opened) throws Exception {
        for (AutoCloseable resource : opened) {
            if (resource != null) {
                resource.close();
            }
        }
    }
}
