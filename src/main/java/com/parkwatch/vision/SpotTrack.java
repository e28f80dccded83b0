package com.parkwatch.vision;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;

/**
 * One spot's state with hysteresis: a confident classification that disagrees changes the state at once; an unsure
 * one is only pending until enough consecutive classifications agree with it, and then the state changes, dated
 * from the first of them. One odd, unsure answer therefore never flips a spot.
 */
final class SpotTrack {

    private final Spot spot;
    private final int confirmations;
    private final double sureConfidence;
    private Occupancy state = Occupancy.UNKNOWN;
    private double confidence;
    private double since;
    private Occupancy pending;
    private int pendingCount;
    private double pendingSince;

    SpotTrack(Spot spot, int confirmations, double sureConfidence) {
        this.spot = spot;
        this.confirmations = confirmations;
        this.sureConfidence = sureConfidence;
    }

    void observe(Verdict verdict, double time) {
        if (state == Occupancy.UNKNOWN || verdict.occupancy() == state) {
            if (state != verdict.occupancy()) {
                since = time;
            }
            state = verdict.occupancy();
            confidence = verdict.confidence();
            pending = null;
            pendingCount = 0;
            return;
        }
        if (verdict.occupancy() != pending) {
            pending = verdict.occupancy();
            pendingCount = 0;
            pendingSince = time;
        }
        if (++pendingCount >= confirmations || verdict.confidence() >= sureConfidence) {
            state = pending;
            since = pendingSince;
            confidence = verdict.confidence();
            pending = null;
            pendingCount = 0;
        }
    }

    /**
     * A spot is classified again at the next sample, whatever its pixels do, while it is unclassified, while a change
     * awaits confirmation, or while its state rests on an unsure verdict.
     */
    boolean needsAnotherLook() {
        return state == Occupancy.UNKNOWN || pending != null || confidence < sureConfidence;
    }

    SpotStatus status() {
        return new SpotStatus(spot, state, confidence, since);
    }
}
