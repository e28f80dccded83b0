package com.parkwatch.vision;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;

/**
 * One spot's state with hysteresis by accumulated evidence. Each classification that disagrees with the state adds
 * {@code 2 x confidence - 1} (0 for a coin toss, 1 for certainty); one that agrees clears the sum. The state changes,
 * dated from the first disagreeing classification, once the sum reaches what a single sure classification brings.
 * A sure answer therefore changes a spot at once, a few unsure ones in a row change it a little later, and odd or
 * coin-toss answers never flip it.
 */
final class SpotTrack {

    private final Spot spot;
    private final double sureConfidence;
    private final double evidenceToChange;
    private Occupancy state = Occupancy.UNKNOWN;
    private double confidence;
    private double since;
    private double evidence;
    private double disagreementSince;
    private Verdict lastVerdict;

    SpotTrack(Spot spot, double sureConfidence) {
        this.spot = spot;
        this.sureConfidence = sureConfidence;
        this.evidenceToChange = 2 * sureConfidence - 1;
    }

    void observe(Verdict verdict, double time) {
        lastVerdict = verdict;
        if (state == Occupancy.UNKNOWN || verdict.occupancy() == state) {
            if (state != verdict.occupancy()) {
                since = time;
            }
            state = verdict.occupancy();
            confidence = verdict.confidence();
            evidence = 0;
            return;
        }
        if (evidence == 0) {
            disagreementSince = time;
        }
        evidence += 2 * verdict.confidence() - 1;
        if (evidence >= evidenceToChange - 1e-9) {
            state = verdict.occupancy();
            since = disagreementSince;
            confidence = verdict.confidence();
            evidence = 0;
        }
    }

    /**
     * A spot is classified again at the next sample, whatever its pixels do, while it is unclassified, while
     * evidence for a change is building up, or while its state rests on an unsure verdict.
     */
    boolean needsAnotherLook() {
        return state == Occupancy.UNKNOWN || evidence > 0 || confidence < sureConfidence;
    }

    /** The verdict last observed; null before the first. */
    Verdict lastVerdict() {
        return lastVerdict;
    }

    SpotStatus status() {
        return new SpotStatus(spot, state, confidence, since);
    }
}
