package com.parkwatch.vision.dataset;

import com.parkwatch.lot.Occupancy;

/** A confusion matrix of free/occupied answers against labels. */
public final class Evaluation {

    // [truth][predicted], 0 free, 1 occupied
    private final long[][] counts = new long[2][2];

    public void add(Occupancy truth, Occupancy predicted) {
        counts[index(truth)][index(predicted)]++;
    }

    private static int index(Occupancy o) {
        return o == Occupancy.OCCUPIED ? 1 : 0;
    }

    public long count() {
        return counts[0][0] + counts[0][1] + counts[1][0] + counts[1][1];
    }

    public long count(Occupancy truth, Occupancy predicted) {
        return counts[index(truth)][index(predicted)];
    }

    public double accuracy() {
        return ratio(counts[0][0] + counts[1][1], count());
    }

    public double recallFree() {
        return ratio(counts[0][0], counts[0][0] + counts[0][1]);
    }

    public double recallOccupied() {
        return ratio(counts[1][1], counts[1][0] + counts[1][1]);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
