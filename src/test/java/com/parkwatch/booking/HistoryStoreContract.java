package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotState;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lot's history asked of every database the bookings can live in: kept, read back by range, migrated, pruned. */
abstract class HistoryStoreContract {

    /** A JDBC URL of an empty database. */
    abstract String url() throws Exception;

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final TestClock clock = new TestClock(T0);

    private static SpotChange change(long seconds, int spot, SpotState state, Occupancy seen) {
        return new SpotChange(T0.plusSeconds(seconds), spot, state, seen);
    }

    private static List<SpotChange> read(HistoryStore store, Instant from, Instant to) {
        List<SpotChange> out = new ArrayList<>();
        store.spotChanges(from, to, out::add);
        return out;
    }

    @Test
    void aRangeReadsEachSpotsStateAtItsStartThenEveryChangeInIt() throws Exception {
        JdbcBookingStore store = JdbcBookingStore.open(url());
        SpotChange oneFree = change(0, 1, SpotState.FREE, Occupancy.FREE);
        SpotChange twoUnknown = change(0, 2, SpotState.UNKNOWN, Occupancy.UNKNOWN);
        SpotChange twoBooked = change(5, 2, SpotState.RESERVED, Occupancy.FREE);
        SpotChange oneTaken = change(30, 1, SpotState.OCCUPIED, Occupancy.OCCUPIED);
        SpotChange twoTaken = change(70, 2, SpotState.OCCUPIED, Occupancy.OCCUPIED);
        SpotChange oneLeft = change(90, 1, SpotState.FREE, Occupancy.FREE);
        store.record(List.of(oneFree, twoUnknown), List.of(new LotChange(T0, false)));
        store.record(List.of(twoBooked), List.of(new LotChange(T0.plusSeconds(1), true)));
        store.record(List.of(oneTaken, twoTaken, oneLeft), List.of(new LotChange(T0.plusSeconds(80), false)));

        assertEquals(List.of(oneFree, twoBooked, oneTaken, twoTaken), read(store, T0.plusSeconds(10), T0.plusSeconds(90)),
                "the states at the start, then the changes before the end");
        assertEquals(List.of(twoBooked, oneTaken), read(store, T0.plusSeconds(30), T0.plusSeconds(31)),
                "a change at the start is the state at the start");
        assertEquals(List.of(), read(store, T0.minusSeconds(10), T0), "nothing before the first change");
        assertEquals(List.of(new LotChange(T0.plusSeconds(1), true), new LotChange(T0.plusSeconds(80), false)),
                store.lotChanges(T0.plusSeconds(10), T0.plusSeconds(100)));
    }

    @Test
    void everyBookingTransitionAndAlertIsAnEventInItsOwnTransaction() throws Exception {
        JdbcBookingStore store = JdbcBookingStore.open(url());
        BookingService service = new BookingService(store, spot -> Optional.of(Occupancy.FREE), clock);
        Booking kept = service.book(1, "AB 1", 60);
        Booking late = service.book(2, "AB 2", 60);
        Booking cancelled = service.book(3, "AB 3", 60);
        Booking voided = service.book(4, "AB 4", 60);
        clock.advance(Duration.ofMinutes(1));
        service.arrived(1);
        service.extend(kept.code(), 30, "10.0.0.2");
        service.cancel(cancelled.code());
        service.voidBooking(voided.code());
        service.taken(2);
        clock.advance(Duration.ofMinutes(20));
        service.refresh();

        List<String> seen = store.bookingEvents(T0, clock.instant().plusMillis(1)).stream()
                .map(e -> e.kind().word() + " " + e.spot() + " " + e.code()).toList();
        assertEquals(List.of("booked 1 " + kept.code(), "booked 2 " + late.code(), "booked 3 " + cancelled.code(),
                "booked 4 " + voided.code(), "arrived 1 " + kept.code(), "extended 1 " + kept.code(),
                "cancelled 3 " + cancelled.code(),
                "voided 4 " + voided.code(), "alert 2 " + late.code(), "no-show 2 " + late.code()), seen);
        assertEquals(4, store.bookingEvents(T0, T0.plusSeconds(1)).size(), "the range ends before its end");
    }

    @Test
    void aVersion2DatabaseIsMigratedKeepingItsBookingsWhichStartTheHistory() throws Exception {
        String url = url();
        long booked = T0.toEpochMilli();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : VERSION_2) {
                s.execute(sql);
            }
            s.execute("INSERT INTO bookings (code, spot, plate, starts_at, ends_at, client, arrived_at)"
                    + " VALUES ('OLD00001', 7, 'AB 7', " + booked + ", " + (booked + 3_600_000) + ", 'kiosk', "
                    + (booked + 60_000) + ")");
            s.execute("INSERT INTO bookings (code, spot, plate, starts_at, ends_at, client, released_at)"
                    + " VALUES ('OLD00002', 8, 'AB 8', " + booked + ", " + (booked + 3_600_000) + ", 'kiosk', "
                    + (booked + 900_000) + ")");
            s.execute("INSERT INTO alerts (raised_at, spot, code, message) VALUES (" + (booked + 120_000)
                    + ", 8, 'OLD00002', 'spot 8 is taken')");
        }
        JdbcBookingStore store = JdbcBookingStore.open(url);
        assertEquals("AB 7", store.find("OLD00001").orElseThrow().plate(), "the bookings are still there");
        List<String> events = store.bookingEvents(T0, T0.plus(Duration.ofHours(1))).stream()
                .map(e -> e.kind().word() + " " + e.code()).sorted().toList();
        assertEquals(List.of("alert OLD00002", "arrived OLD00001", "booked OLD00001", "booked OLD00002",
                "no-show OLD00002"), events);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            r.next();
            assertEquals(4, r.getInt(1));
            assertEquals(4, r.getInt(2));
        }
        store.record(List.of(change(0, 7, SpotState.FREE, Occupancy.FREE)), List.of());
        assertEquals(1, read(JdbcBookingStore.open(url), T0, T0.plusSeconds(1)).size(), "reopened once more, unchanged");
    }

    @Test
    void pruningForgetsTheOldButKeepsTheStateEachSpotWasInAtTheCutoff() throws Exception {
        JdbcBookingStore store = JdbcBookingStore.open(url());
        store.record(List.of(change(0, 1, SpotState.FREE, Occupancy.FREE), change(0, 2, SpotState.FREE, Occupancy.FREE),
                change(100, 1, SpotState.OCCUPIED, Occupancy.OCCUPIED), change(300, 1, SpotState.FREE, Occupancy.FREE)),
                List.of(new LotChange(T0, false), new LotChange(T0.plusSeconds(1), true)));
        store.raise(new Alert(T0.plusSeconds(50), 1, null, "spot 1 is taken"));

        int deleted = store.pruneHistory(T0.plusSeconds(200));
        assertEquals(3, deleted, "spot 1's first change, the lot's first, the alert's event");
        assertEquals(List.of(change(0, 2, SpotState.FREE, Occupancy.FREE), change(100, 1, SpotState.OCCUPIED,
                Occupancy.OCCUPIED), change(300, 1, SpotState.FREE, Occupancy.FREE)),
                read(store, T0.plusSeconds(250), T0.plusSeconds(400)), "the state at the cutoff is kept");
        assertEquals(List.of(new LotChange(T0.plusSeconds(1), true)), store.lotChanges(T0.plusSeconds(250),
                T0.plusSeconds(400)));
        assertEquals(List.of(), store.bookingEvents(T0, T0.plusSeconds(400)));
        assertEquals(0, store.pruneHistory(T0.plusSeconds(200)), "pruning again finds nothing more");
    }

    /** The schema a release before the history left: versions 1 and 2. */
    /** A database as version 2 left it. */
    static final String[] VERSION_2 = {
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            "CREATE TABLE bookings (code VARCHAR(16) PRIMARY KEY, spot INTEGER NOT NULL, plate VARCHAR(16) NOT NULL,"
                    + " starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL, cancelled_at BIGINT)",
            "CREATE TABLE spot_holds (spot INTEGER PRIMARY KEY, code VARCHAR(16) NOT NULL REFERENCES bookings(code),"
                    + " ends_at BIGINT NOT NULL)",
            "ALTER TABLE bookings ADD COLUMN client VARCHAR(64)",
            "ALTER TABLE bookings ADD COLUMN arrived_at BIGINT",
            "ALTER TABLE bookings ADD COLUMN voided_at BIGINT",
            "ALTER TABLE bookings ADD COLUMN released_at BIGINT",
            "CREATE INDEX bookings_plate ON bookings (plate)",
            "CREATE INDEX bookings_client ON bookings (client)",
            "CREATE TABLE closed_spots (spot INTEGER PRIMARY KEY, closed_at BIGINT NOT NULL)",
            "CREATE TABLE alerts (raised_at BIGINT NOT NULL, spot INTEGER NOT NULL, code VARCHAR(16),"
                    + " message VARCHAR(300) NOT NULL)",
            "INSERT INTO schema_version (version) VALUES (1)",
            "INSERT INTO schema_version (version) VALUES (2)",
    };
}
