package com.parkwatch.vision.track;

import com.parkwatch.vision.classify.Verdict;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import org.junit.jupiter.api.Test;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpotTrackTest {

    private final SpotTrack track = new SpotTrack(Spot.ofBox(1, new Box(0, 0, 10, 10)), 0.75);

    private static Verdict sure(Occupancy o) {
        return new Verdict(o, 0.95);
    }

    private static Verdict unsure(Occupancy o) {
        return new Verdict(o, 0.7);
    }

    @Test
    void theFirstVerdictSetsTheState() {
        assertTrue(track.needsAnotherLook());
        track.observe(sure(FREE), 1.0);
        assertEquals(FREE, track.status().occupancy());
        assertEquals(1.0, track.status().since());
        assertFalse(track.needsAnotherLook());
    }

    @Test
    void oneUnsureDisagreementDoesNotFlipTheSpot() {
        track.observe(sure(FREE), 0);
        track.observe(unsure(OCCUPIED), 1);
        assertEquals(FREE, track.status().occupancy());
        assertTrue(track.needsAnotherLook());
        track.observe(sure(FREE), 2);
        assertEquals(FREE, track.status().occupancy());
        assertEquals(0, track.status().since());
        assertFalse(track.needsAnotherLook());
    }

    @Test
    void unsureDisagreementsFlipItOnceTheyAddUpDatedFromTheFirst() {
        track.observe(sure(FREE), 0);
        track.observe(unsure(OCCUPIED), 1);
        assertEquals(FREE, track.status().occupancy(), "one answer at 0.7 weighs less than one at 0.75");
        track.observe(unsure(OCCUPIED), 2);
        assertEquals(OCCUPIED, track.status().occupancy(), "two answers at 0.7 weigh more than one at 0.75");
        assertEquals(1, track.status().since());
    }

    @Test
    void guessesNeverFlipItHoweverLongTheyLeanOneWay() {
        track.observe(sure(FREE), 0);
        for (int t = 1; t <= 50; t++) {
            track.observe(new Verdict(OCCUPIED, 0.62), t);
        }
        assertEquals(FREE, track.status().occupancy());
    }

    @Test
    void guessesNeverSettleAFirstState() {
        for (int t = 0; t < 50; t++) {
            track.observe(new Verdict(FREE, 0.62), t);
        }
        assertEquals(Occupancy.UNKNOWN, track.status().occupancy());
        assertTrue(track.needsAnotherLook());
    }

    @Test
    void aSureDisagreementFlipsAtOnce() {
        track.observe(sure(OCCUPIED), 0);
        track.observe(sure(FREE), 5);
        assertEquals(FREE, track.status().occupancy());
        assertEquals(5, track.status().since());
        assertEquals(0.95, track.status().confidence());
    }

    @Test
    void anUnsureFirstVerdictLeavesTheSpotUnknownAndLookedAtAgain() {
        track.observe(unsure(FREE), 0);
        assertEquals(Occupancy.UNKNOWN, track.status().occupancy());
        assertTrue(track.needsAnotherLook());
        track.observe(sure(FREE), 1);
        assertEquals(FREE, track.status().occupancy());
        assertFalse(track.needsAnotherLook());
        assertEquals(0, track.status().since(), "free since it was first seen free");
    }

    @Test
    void unsureFirstVerdictsSettleTheSpotOnceTheyAddUp() {
        track.observe(unsure(OCCUPIED), 0);
        assertEquals(Occupancy.UNKNOWN, track.status().occupancy());
        track.observe(unsure(OCCUPIED), 1);
        assertEquals(OCCUPIED, track.status().occupancy());
        assertEquals(0, track.status().since());
        assertTrue(track.needsAnotherLook(), "a state on unsure verdicts is looked at again");
    }

    @Test
    void unsureFirstVerdictsThatDisagreeLeaveTheSpotUnknown() {
        for (int t = 0; t < 20; t++) {
            track.observe(unsure(t % 2 == 0 ? FREE : OCCUPIED), t);
        }
        assertEquals(Occupancy.UNKNOWN, track.status().occupancy());
    }
}
