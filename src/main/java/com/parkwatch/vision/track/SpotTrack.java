package com.parkwatch.vision.track;

import com.parkwatch.vision.classify.Verdict;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;

/**
 * One spot's state with hysteresis by accumulated evidence. Each classification that disagrees with the state adds
 * {@code 2 x confidence - 1} (1 for certainty); one that agrees clears the sum. The state changes, dated from the
 * first disagreeing classification, once the sum reaches what a single sure classification brings. A sure answer
 * therefore changes a spot at once, a few unsure ones in a row change it a little later, and odd answers never flip
 * it. An answer less confident than {@link #COIN_TOSS} adds nothing: the model is then guessing, and guesses that
 * lean the same way for a while (a blurred first frame, a roof the model half knows) would otherwise add up to a
 * state that a later, surer look undoes. The first state needs the same evidence: a spot stays unknown rather
 * than shown on a guess.
 */
final class SpotTrack {

    /**
     * A quarter of the way from the decision boundary to the edge of the SVM's margin band (confidence 0.9): on the
     * tutorial clips every flip of a spot that never changed came from answers below this (0.54-0.62).
     */
    static final double COIN_TOSS = 0.65;

    private final Spot spot;
    private final double sureConfidence;
    private final double evidenceToChange;
    private Occupancy state = Occupancy.UNKNOWN;
    private double confidence;
    private double since;
    /** The state the evidence is for, and since when it has been seen. */
    private Occupancy pending = Occupancy.UNKNOWN;
    private double pendingSince;
    private double evidence;
    private Verdict lastVerdict;

    SpotTrack(Spot spot, double sureConfidence) {
        this.spot = spot;
        this.sureConfidence = sureConfidence;
        this.evidenceToChange = 2 * sureConfidence - 1;
    }

    void observe(Verdict verdict, double time) {
        lastVerdict = verdict;
        if (verdict.occupancy() == state) {
            confidence = verdict.confidence();
            pending = state;
            evidence = 0;
            return;
        }
        if (verdict.occupancy() != pending) {
            pending = verdict.occupancy();
            pendingSince = time;
            evidence = 0;
        }
        if (verdict.confidence() >= COIN_TOSS) {
            evidence += 2 * verdict.confidence() - 1;
        }
        if (evidence >= evidenceToChange - 1e-9) {
            state = pending;
            since = pendingSince;
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
