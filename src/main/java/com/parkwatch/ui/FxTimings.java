package com.parkwatch.ui;

/** How long our own code holds the FX thread, per call: the kiosk must never block it for a frame. */
final class FxTimings {

    private long calls;
    private long totalNanos;
    private long longestNanos;

    /** On the FX thread, after a piece of our work that started at {@code startNanos}. */
    void record(long startNanos) {
        long took = System.nanoTime() - startNanos;
        calls++;
        totalNanos += took;
        longestNanos = Math.max(longestNanos, took);
    }

    String summary() {
        return String.format("FX thread in our code: %d calls, mean %.2f ms, longest %.2f ms", calls,
                calls == 0 ? 0 : totalNanos / 1e6 / calls, longestNanos / 1e6);
    }
}
