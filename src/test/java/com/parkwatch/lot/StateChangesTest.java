package com.parkwatch.lot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StateChangesTest {

    private static final List<Spot> SPOTS = List.of(Spot.ofBox(4, new Box(0, 0, 10, 10)), Spot.ofBox(9, new Box(20, 0, 10, 10)));

    private static LotSnapshot states(Occupancy four, Occupancy nine) {
        return new LotSnapshot(0, 0, List.of(new SpotStatus(SPOTS.get(0), four, 1, 0), new SpotStatus(SPOTS.get(1), nine, 1, 0)));
    }

    @Test
    void countsEachSpotsChangesButNotTheFirstLook() {
        StateChanges changes = new StateChanges();
        assertEquals("no changes of state", changes.summary());
        changes.record(states(Occupancy.UNKNOWN, Occupancy.UNKNOWN));
        changes.record(states(Occupancy.FREE, Occupancy.OCCUPIED));
        changes.record(states(Occupancy.OCCUPIED, Occupancy.OCCUPIED));
        changes.record(states(Occupancy.FREE, Occupancy.FREE));
        assertEquals(Map.of(4, 2, 9, 1), changes.bySpot());
        assertEquals(3, changes.total());
        assertEquals("3 changes of state in 2 spots: 4 x2, 9", changes.summary());
    }
}
