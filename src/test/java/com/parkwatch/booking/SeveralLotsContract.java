package com.parkwatch.booking;

import com.parkwatch.history.ReportRange;
import com.parkwatch.history.Utilisation;
import com.parkwatch.history.UtilisationReport;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotState;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two lots, "north" and "south", in one database, as two boxes sharing one PostgreSQL use it. */
abstract class SeveralLotsContract {

    /** A JDBC URL of an empty database. */
    abstract String url() throws Exception;

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final TestClock clock = new TestClock(T0);

    private BookingService service(JdbcBookingStore store) {
        return new BookingService(store, spot -> spot >= 1 && spot <= 5 ? Optional.of(Occupancy.FREE)
                : Optional.empty(), clock);
    }

    @Test
    void eachLotBooksClosesAndRemembersItsOwnSpots() throws Exception {
        String url = url();
        JdbcBookingStore northStore = JdbcBookingStore.open(url, "north");
        JdbcBookingStore southStore = JdbcBookingStore.open(url, "south");
        BookingService north = service(northStore);
        BookingService south = service(southStore);

        Booking inNorth = north.book(3, "AB 1", 60, "10.0.0.1");
        Booking inSouth = south.book(3, "AB 1", 60, "10.0.0.1");
        assertEquals(List.of(inNorth), north.active(), "north sees its own booking of spot 3 only");
        assertEquals(List.of(inSouth), south.active(), "spot 3 of north does not block spot 3 of south");
        assertEquals(Optional.empty(), south.find(inNorth.code(), "10.0.0.2"), "north's code is no receipt in south");
        assertTrue(!south.cancel(inNorth.code()), "nor does it cancel there");
        assertEquals(List.of(inNorth), north.active());

        north.setClosed(4, true);
        assertEquals(Set.of(4), north.closedSpots());
        assertEquals(Set.of(), south.closedSpots(), "a bay closed in north is open in south");
        south.book(4, "CD 2", 30);

        clock.advance(Duration.ofMinutes(1));
        north.arrived(3);
        north.taken(3);
        south.taken(3);
        assertEquals(List.of(3), south.alerts().stream().map(Alert::spot).toList(), "south's alert is south's");
        assertTrue(north.alerts().isEmpty(), "north's car arrived: no alert there");
        assertEquals(1, north.recent().size());
        assertEquals(2, south.recent().size());
    }

    @Test
    void historyAndReportsStayWithTheirLot() throws Exception {
        String url = url();
        JdbcBookingStore north = JdbcBookingStore.open(url, "north");
        JdbcBookingStore south = JdbcBookingStore.open(url, "south");
        // North: spot 1 occupied the whole hour. South: spot 1 free the whole hour, then its history is pruned.
        north.record(List.of(new SpotChange(T0, 1, SpotState.OCCUPIED, Occupancy.OCCUPIED)), List.of(new LotChange(T0, true)));
        south.record(List.of(new SpotChange(T0, 1, SpotState.FREE, Occupancy.FREE)), List.of(new LotChange(T0, true)));
        service(north).book(2, "AB 1", 60);

        ReportRange hour = new ReportRange(T0, T0.plus(Duration.ofHours(1)));
        UtilisationReport northReport = Utilisation.of(north, hour, ZoneOffset.UTC);
        UtilisationReport southReport = Utilisation.of(south, hour, ZoneOffset.UTC);
        assertEquals(1.0, northReport.occupancy(), 1e-9);
        assertEquals(0.0, southReport.occupancy(), 1e-9);
        assertEquals(1, northReport.bookings().made());
        assertEquals(0, southReport.bookings().made(), "north's booking is not in south's report");
        assertEquals(List.of(1), southReport.bays().stream().map(UtilisationReport.Bay::spot).toList());

        south.record(List.of(new SpotChange(T0.plusSeconds(10), 1, SpotState.OCCUPIED, Occupancy.OCCUPIED)), List.of());
        south.pruneHistory(T0.plus(Duration.ofDays(1)));
        List<SpotChange> northSpots = new ArrayList<>();
        north.spotChanges(T0, T0.plusSeconds(60), northSpots::add);
        assertEquals(List.of(new SpotChange(T0, 1, SpotState.OCCUPIED, Occupancy.OCCUPIED)), northSpots,
                "pruning south keeps north's rows");
        assertEquals(1, north.bookingEvents(T0, T0.plusSeconds(60)).size());
        assertEquals(List.of(new LotChange(T0, true)), north.lotChanges(T0, T0.plusSeconds(60)));
    }

    @Test
    void boxesStartingAtOnceOnOneDatabaseMigrateItOnce() throws Exception {
        String url = url();
        java.util.concurrent.ExecutorService boxes = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<JdbcBookingStore>> opened = new ArrayList<>();
        for (String lot : List.of("north", "south", "east", "west")) {
            opened.add(boxes.submit(() -> {
                go.await();
                return JdbcBookingStore.open(url, lot);
            }));
        }
        go.countDown();
        for (java.util.concurrent.Future<JdbcBookingStore> box : opened) {
            service(box.get()).book(3, "AB 1", 30);
        }
        boxes.shutdown();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_version")) {
            r.next();
            assertEquals(4, r.getInt(1), "each version once");
            assertEquals(4, r.getInt(2));
        }
    }

    @Test
    void aVersion3DatabaseIsMigratedItsRowsBecomingTheDefaultLots() throws Exception {
        String url = url();
        long t = T0.toEpochMilli();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : HistoryStoreContract.VERSION_2) {
                s.execute(sql);
            }
            boolean sqlite = url.startsWith("jdbc:sqlite:");
            for (String sql : JdbcHistory.TABLES) {
                s.execute(sql.replace(JdbcBookingStore.SERIAL, sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"));
            }
            s.execute("INSERT INTO schema_version (version) VALUES (3)");
            s.execute("INSERT INTO bookings (code, spot, plate, starts_at, ends_at, client) VALUES ('OLD00003', 3,"
                    + " 'AB 3', " + t + ", " + (t + 3_600_000) + ", 'kiosk')");
            s.execute("INSERT INTO spot_holds (spot, code, ends_at) VALUES (3, 'OLD00003', " + (t + 3_600_000) + ")");
            s.execute("INSERT INTO booking_events (at, code, spot, event) VALUES (" + t + ", 'OLD00003', 3, 'booked')");
            s.execute("INSERT INTO closed_spots (spot, closed_at) VALUES (5, " + t + ")");
            s.execute("INSERT INTO alerts (raised_at, spot, code, message) VALUES (" + t + ", 3, 'OLD00003', 'taken')");
            s.execute("INSERT INTO spot_history (at, spot, state, occupancy) VALUES (" + t + ", 3, 'RESERVED', 'FREE')");
            s.execute("INSERT INTO lot_history (at, live) VALUES (" + t + ", 1)");
        }
        JdbcBookingStore kept = JdbcBookingStore.open(url);
        BookingService old = service(kept);
        assertEquals(List.of("OLD00003"), old.active().stream().map(Booking::code).toList(), "the hold is kept");
        assertEquals(Set.of(5), old.closedSpots());
        assertEquals(1, old.alerts().size());
        assertEquals(1, kept.bookingEvents(T0, T0.plusSeconds(1)).size());
        assertEquals(List.of(new LotChange(T0, true)), kept.lotChanges(T0, T0.plusSeconds(1)));
        List<SpotChange> spots = new ArrayList<>();
        kept.spotChanges(T0, T0.plusSeconds(1), spots::add);
        assertEquals(List.of(new SpotChange(T0, 3, SpotState.RESERVED, Occupancy.FREE)), spots);
        assertEquals(BookingRejected.Reason.ALREADY_BOOKED, org.junit.jupiter.api.Assertions.assertThrows(
                BookingRejected.class, () -> old.book(3, "CD 4", 30)).reason(), "the kept hold still holds");

        BookingService other = service(JdbcBookingStore.open(url, "south"));
        assertTrue(other.active().isEmpty() && other.closedSpots().isEmpty(), "another lot starts empty");
        other.book(3, "CD 4", 30);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            r.next();
            assertEquals(4, r.getInt(1));
            assertEquals(4, r.getInt(2));
        }
    }
}
