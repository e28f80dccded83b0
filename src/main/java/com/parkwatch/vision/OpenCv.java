package com.parkwatch.vision;

/** Loads OpenCV's native library once per process. */
public final class OpenCv {

    private static boolean loaded;

    private OpenCv() {
    }

    public static synchronized void load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
    }
}
