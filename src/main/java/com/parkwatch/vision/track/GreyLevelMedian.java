package com.parkwatch.vision.track;

/**
 * The median of one measure over all spots, in grey levels (-256 to 256), to an eighth of a level: counted in a
 * histogram, so it takes one pass whatever the number of spots and allocates nothing.
 */
final class GreyLevelMedian {

    private static final int PER_LEVEL = 8;
    private static final int LOWEST = -256;
    private final int[] counts = new int[512 * PER_LEVEL];

    /** @param values one value per spot; at least one */
    double of(double[] values) {
        java.util.Arrays.fill(counts, 0);
        for (double v : values) {
            counts[bin(v)]++;
        }
        int middle = (values.length - 1) / 2;
        int seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen > middle) {
                return LOWEST + (b + 0.5) / PER_LEVEL;
            }
        }
        throw new IllegalArgumentException("no values");
    }

    private static int bin(double value) {
        int b = (int) Math.floor((value - LOWEST) * PER_LEVEL);
        return Math.max(0, Math.min(512 * PER_LEVEL - 1, b));
    }
}
