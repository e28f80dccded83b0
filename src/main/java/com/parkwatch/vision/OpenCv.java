package com.parkwatch.vision;

import org.opencv.core.Core;

/**
 * Loads OpenCV's native library once per process, and has it work on the calling thread only: every call the
 * engine makes is on a small image or a small part of one, where OpenCV's worker threads cost more CPU (handing
 * out, waiting) than they save, and on the kiosk's two cores the other core is the decoder's and the screen's.
 */
public final class OpenCv {

    private static boolean loaded;

    private OpenCv() {
    }

    public static synchronized void load() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            Core.setNumThreads(1);
            loaded = true;
        }
    }
}
