package com.parkwatch.history;

import com.parkwatch.Databases;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.LotChange;
import com.parkwatch.booking.SpotChange;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's figures on a history written by hand into a real SQLite file, where each can be worked out. */
class UtilisationTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private static SpotChange at(int minutes, int spot, Occupancy seen) {
        SpotState state = switch (seen) {
            case FREE -> SpotState.FREE;
            case OCCUPIED -> SpotState.OCCUPIED;
            case UNKNOWN -> SpotState.UNKNOWN;
        };
        return new SpotChange(T0.plus(Duration.ofMinutes(minutes)), spot, state, seen);
    }

    private static List<LotChange> liveWithHeartbeats(int fromMinute, int toMinute) {
        List<LotChange> out = new ArrayList<>();
        for (int m = fromMinute; m <= toMinute; m++) {
            out.add(new LotChange(T0.plus(Duration.ofMinutes(m)), true));
        }
        return out;
    }

    private UtilisationReport report(List<SpotChange> spots, List<LotChange> lot, int fromMinute, int toMinute) {
        JdbcBookingStore store = JdbcBookingStore.open(Databases.sqlite(dir));
        store.record(spots, lot);
        return Utilisation.of(store, new ReportRange(T0.plus(Duration.ofMinutes(fromMinute)),
                T0.plus(Duration.ofMinutes(toMinute))), ZoneOffset.UTC);
    }

    @Test
    void staysArrivalsTurnoverPeakAndHoursOfTwoBays() {
        UtilisationReport r = report(List.of(at(0, 1, Occupancy.FREE), at(0, 2, Occupancy.OCCUPIED),
                        at(30, 1, Occupancy.OCCUPIED), at(50, 1, Occupancy.FREE), at(60, 2, Occupancy.FREE),
                        at(70, 1, Occupancy.OCCUPIED), at(80, 2, Occupancy.OCCUPIED), at(100, 1, Occupancy.FREE)),
                liveWithHeartbeats(0, 120), 0, 120);
        assertEquals(List.of(new UtilisationReport.Bay(1, 1, 50 / 120.0, 2, Duration.ofMinutes(25)),
                new UtilisationReport.Bay(2, 1, 100 / 120.0, 1, null)), r.bays(), "bay 2's stays were not seen whole");
        assertEquals(150 / 240.0, r.occupancy(), 1e-9);
        assertEquals(3, r.arrivals());
        assertEquals(2, r.stays());
        assertEquals(Duration.ofMinutes(25), r.averageStay());
        assertEquals(3 / (2 * (120 / 1440.0)), r.turnover(), 1e-9, "arrivals per bay per day");
        assertEquals(new UtilisationReport.Peak(T0.plus(Duration.ofMinutes(30)), 2), r.peak(), "the first time both were taken");
        assertEquals(2, r.hours().size());
        assertEquals(80 / 120.0, r.hours().get(0).occupancy(), 1e-9);
        assertEquals(70 / 120.0, r.hours().get(1).occupancy(), 1e-9);
        assertEquals(70 / 60.0, r.hours().get(1).occupiedBays(), 1e-9, "cars on average");
    }

    @Test
    void onlyObservedTimeCountsAndALotThatFellSilentStoppedBeingWatched() {
        // Live for 10 minutes, then the process stopped without a word; restarted at 60, not live until 61.
        List<LotChange> lot = new ArrayList<>(liveWithHeartbeats(0, 10));
        lot.add(new LotChange(T0.plus(Duration.ofMinutes(60)), false));
        lot.addAll(liveWithHeartbeats(61, 120));
        UtilisationReport r = report(List.of(at(0, 1, Occupancy.OCCUPIED), at(90, 1, Occupancy.UNKNOWN),
                at(100, 1, Occupancy.OCCUPIED)), lot, 0, 120);
        // Observed: 0-11 (one heartbeat after the last), 61-90, 100-120.
        assertEquals((11 + 29 + 20) / 120.0, r.observed(), 1e-9);
        assertEquals(1.0, r.occupancy(), 1e-9, "occupied whenever observed");
        assertEquals(0, r.arrivals(), "occupied on each return, never seen arriving");
    }

    @Test
    void aRangeWithNoHistoryHasNoFigures() {
        UtilisationReport r = report(List.of(), List.of(), 0, 60);
        assertTrue(r.bays().isEmpty());
        assertNull(r.peak());
        assertNull(r.averageStay());
        assertEquals(0, r.occupancy());
    }

    @Test
    void datesAreWholeDaysOfTheLotAndRangesAreBounded() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        ReportRange day = ReportRange.parse("2026-11-23", "2026-11-23", paris, now);
        assertEquals(Instant.parse("2026-11-22T23:00:00Z"), day.from());
        assertEquals(Duration.ofDays(1), day.length());
        assertEquals(now, ReportRange.parse("2026-11-25T08:00", "2026-12-01", paris, now).to(), "cut at now");
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"),
                ReportRange.parse("2026-11-23T08:00:00Z", "2026-11-24", paris, now).from());
        assertThrows(IllegalArgumentException.class, () -> ReportRange.parse("2026-08-01", "2026-11-24", paris, now));
    }
}
