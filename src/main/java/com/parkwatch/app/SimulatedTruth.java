package com.parkwatch.app;

import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.vision.sim.SimulatedLot;

/** How often the engine agreed with the simulated lot's ground truth. */
final class SimulatedTruth {

    private final SimulatedLot lot;
    private long right;
    private long total;

    SimulatedTruth(SimulatedLot lot) {
        this.lot = lot;
    }

    void score(LotSnapshot snapshot) {
        for (int i = 0; i < snapshot.total(); i++) {
            if (snapshot.spots().get(i).occupancy() == lot.truth(i)) {
                right++;
            }
            total++;
        }
    }

    String summary() {
        return String.format("ground truth agrees on %.2f%% of %d spot-samples after the first", 100.0 * right / Math.max(1, total), total);
    }
}
