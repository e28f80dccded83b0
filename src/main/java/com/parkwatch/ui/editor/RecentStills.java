package com.parkwatch.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A few of the engine's sampled frames as they come, for suggesting bays: what stands still across them is parked.
 * Only on a background thread: it waits for the engine's next samples.
 */
final class RecentStills {

    /** Stills kept: the engine samples about once a second, so about ten seconds of the lot. */
    static final int COUNT = 9;
    private static final long LONGEST_MILLIS = 15_000;
    private static final long POLL_MILLIS = 250;
    /** No new still for this long: the engine has stopped sampling (a file played out), so what came is all. */
    private static final long QUIET_MILLIS = 4_000;

    private RecentStills() {
    }

    /** Up to {@link #COUNT} different stills within 15 s, at least one; JPEG, oldest first. */
    static List<byte[]> collect(Supplier<byte[]> latest) throws InterruptedException {
        List<byte[]> kept = new ArrayList<>();
        long start = System.currentTimeMillis();
        long lastNew = start;
        for (long now = start; kept.size() < COUNT && now - start < LONGEST_MILLIS
                && (kept.isEmpty() || now - lastNew < QUIET_MILLIS); now = System.currentTimeMillis()) {
            byte[] still = latest.get();
            if (still != null && (kept.isEmpty() || !Arrays.equals(still, kept.get(kept.size() - 1)))) {
                kept.add(still);
                lastNew = now;
            }
            Thread.sleep(POLL_MILLIS);
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException("no picture came from the camera in 15 s.");
        }
        return kept;
    }
}
