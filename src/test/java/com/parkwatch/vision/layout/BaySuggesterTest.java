package com.parkwatch.vision.layout;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.vision.sim.SimulatedLot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suggested bays on the simulated lot, whose bays are known exactly, and the measure of a match. */
class BaySuggesterTest {

    @Test
    void findsBaysWhereCarsStandStillOnTheSimulatedLot() throws Exception {
        try (SimulatedLot lot = new SimulatedLot(7)) {
            Layout known = lot.ownLayout().orElseThrow();
            Layout proposed = BaySuggester.suggest(lot, 900);
            assertEquals(known.width(), proposed.width());
            LayoutMatch match = LayoutMatch.of(known, proposed);
            assertTrue(match.matched() >= MIN_FOUND, match.describe());
            assertTrue(match.meanIou() >= 0.6, match.describe());
        }
    }

    /** Seed 7 gives 10 of 72 bays today (every proposal a bay, mean IoU 0.83): less a margin, so that a broken suggester fails. */
    private static final int MIN_FOUND = 8;

    @Test
    void matchesOneToOneBestOverlapFirst() {
        Layout known = new Layout(100, 100, List.of(Spot.ofBox(1, new Box(0, 0, 10, 10)), Spot.ofBox(2, new Box(20, 0, 10, 10))));
        Layout proposed = new Layout(100, 100, List.of(Spot.ofBox(1, new Box(1, 0, 10, 10)), Spot.ofBox(2, new Box(0, 0, 10, 10)),
                Spot.ofBox(3, new Box(50, 50, 10, 10))));
        LayoutMatch match = LayoutMatch.of(known, proposed);
        assertEquals(1, match.matched(), "bay 2 has no proposal; the exact proposal takes bay 1");
        assertEquals(1.0, match.meanIou(), 1e-9);
        assertEquals("found 1 of 2 bays (IoU at least 0.5, mean 1.00); 2 of 3 proposals match no bay", match.describe());
    }
}
