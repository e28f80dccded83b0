package com.parkwatch.lot;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveLotTest {

    private Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final Layout layout = new Layout(300, 100, List.of(Spot.ofBox(1, new Box(0, 0, 50, 90)),
            Spot.ofBox(2, new Box(60, 0, 50, 90))));
    private final LiveLot lot = new LiveLot(layout, clock, Duration.ofSeconds(5));

    private void sample(Occupancy one, Occupancy two) {
        lot.publish(new LotSnapshot(0, 0, List.of(new SpotStatus(layout.spots().get(0), one, 1, 0),
                new SpotStatus(layout.spots().get(1), two, 1, 0))));
    }

    @Test
    void notLiveUntilTheCameraIsWatchingAndAFreshSampleIsIn() {
        assertFalse(lot.view().live(), "nothing analysed yet");
        assertNull(lot.view().updated());
        sample(Occupancy.FREE, Occupancy.OCCUPIED);
        assertFalse(lot.view().live(), "the camera's health is not known yet");
        lot.health(SourceHealth.live());
        assertTrue(lot.view().live());
        assertEquals(now, lot.view().updated());
    }

    @Test
    void aLotWhoseSamplesStopTurnsStaleByItselfAndABlindCameraAtOnce() {
        sample(Occupancy.FREE, Occupancy.OCCUPIED);
        lot.health(SourceHealth.live());
        now = now.plusSeconds(5);
        assertTrue(lot.view().live(), "five seconds is still current");
        now = now.plusMillis(1);
        assertFalse(lot.view().live(), "no sample for longer than five seconds");
        sample(Occupancy.FREE, Occupancy.OCCUPIED);
        assertTrue(lot.view().live(), "live again at the next sample");
        lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
        assertFalse(lot.view().live());
        assertEquals("reconnecting: connection refused", lot.view().source().describe());
    }

    @Test
    void reservationsMakeFreeSpotsReservedAndListenersHearOfEveryChange() {
        List<LotView> heard = new ArrayList<>();
        lot.subscribe(heard::add);
        lot.health(SourceHealth.live());
        sample(Occupancy.FREE, Occupancy.FREE);
        Instant until = now.plusSeconds(600);
        lot.reservations(Map.of(2, until));
        lot.reservations(Map.of(2, until));
        assertEquals(3, heard.size(), "health, sample, reservations; the same reservations again are no change");
        LotView view = lot.view();
        assertEquals(List.of(1), view.freeSpotIds());
        assertEquals(List.of(2), view.reservedSpotIds());
        assertEquals(SpotState.RESERVED, view.spot(2).orElseThrow().state());
        assertEquals(until, view.spot(2).orElseThrow().reservedUntil());
        sample(Occupancy.FREE, Occupancy.OCCUPIED);
        assertEquals(SpotState.OCCUPIED, lot.view().spot(2).orElseThrow().state(), "a car on a booked spot shows occupied");
    }

    @Test
    void eachSpotIsDatedFromTheSampleThatChangedIt() {
        sample(Occupancy.FREE, Occupancy.OCCUPIED);
        Instant first = now;
        now = now.plusSeconds(3);
        sample(Occupancy.FREE, Occupancy.FREE);
        assertEquals(first, lot.view().spot(1).orElseThrow().since());
        assertEquals(now, lot.view().spot(2).orElseThrow().since());
    }

    @Test
    void aNewLayoutKeepsTheStateOfSpotsThatDidNotMoveAndNamesBookingsOnSpotsItDropped() {
        lot.health(SourceHealth.live());
        sample(Occupancy.OCCUPIED, Occupancy.FREE);
        Instant seen = now;
        lot.reservations(Map.of(2, now.plusSeconds(600)));
        now = now.plusSeconds(3);
        // Spot 1 stays where it was and gets a label; spot 2 is gone; spot 3 is new, with an accessible bay's type.
        Layout next = new Layout(300, 100, List.of(layout.spots().get(0).described("A1", null, java.util.Set.of()),
                Spot.ofBox(3, new Box(120, 0, 50, 90)).described("A2", null, java.util.Set.of(BayType.ACCESSIBLE))));
        assertEquals(java.util.Set.of(2), lot.relayout(next), "the booking on spot 2 has no spot now");
        LotView view = lot.view();
        assertEquals(List.of(1, 3), view.spots().stream().map(SpotView::id).toList());
        assertEquals(Occupancy.OCCUPIED, view.spot(1).orElseThrow().occupancy(), "an unmoved spot keeps its state");
        assertEquals(seen, view.spot(1).orElseThrow().since(), "and its date");
        assertEquals("A1", view.spot(1).orElseThrow().spot().label());
        assertEquals(SpotState.UNKNOWN, view.spot(3).orElseThrow().state(), "a new spot waits for the next sample");
        assertEquals(List.of(), view.reservedSpotIds());
        assertTrue(view.live(), "still live: the engine samples the new spots next");
    }
}
