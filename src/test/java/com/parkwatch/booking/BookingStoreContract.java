package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same behaviour asked of every database the bookings can live in. */
abstract class BookingStoreContract {

    /** A JDBC URL of an empty database. */
    abstract String url() throws Exception;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T10:00:00Z"));

    /** Spots 1 to 5 exist; spot 5 is occupied. */
    private static Optional<Occupancy> lot(int spot) {
        if (spot < 1 || spot > 5) {
            return Optional.empty();
        }
        return Optional.of(spot == 5 ? Occupancy.OCCUPIED : Occupancy.FREE);
    }

    private BookingService service(JdbcBookingStore store) {
        return new BookingService(store, BookingStoreContract::lot, clock);
    }

    @Test
    void booksAFreeSpotOnceAndReleasesItOnCancelOrExpiry() throws Exception {
        JdbcBookingStore store = JdbcBookingStore.open(url());
        BookingService service = service(store);
        Booking b = service.book(2, " ab-123  cd ", 60);
        assertEquals("AB-123 CD", b.plate());
        assertEquals(8, b.code().length());
        assertEquals(clock.instant().plus(Duration.ofMinutes(60)), b.end());
        assertEquals(List.of(b), service.active());

        BookingRejected again = assertThrows(BookingRejected.class, () -> service.book(2, "XY 1", 30));
        assertEquals(BookingRejected.Reason.ALREADY_BOOKED, again.reason());

        assertFalse(service.cancel("WRONGCODE"));
        assertTrue(service.cancel(b.code().toLowerCase()));
        assertFalse(service.cancel(b.code()), "a cancelled booking cannot be cancelled again");
        assertTrue(service.active().isEmpty());

        Booking short_ = service.book(2, "XY 1", 15);
        clock.advance(Duration.ofMinutes(15));
        assertTrue(service.active().isEmpty(), "a booking ends by itself");
        Booking next = service.book(2, "ZZ 9", 30);
        assertEquals(List.of(next), service.active());
        assertEquals(Optional.of(short_), store.find(short_.code()), "expired bookings stay on record");
    }

    @Test
    void refusesWhatTheRulesForbid() throws Exception {
        BookingService service = service(JdbcBookingStore.open(url()));
        assertEquals(BookingRejected.Reason.NOT_FREE, assertThrows(BookingRejected.class, () -> service.book(5, "AB 1", 60)).reason());
        assertEquals(BookingRejected.Reason.UNKNOWN_SPOT, assertThrows(BookingRejected.class, () -> service.book(9, "AB 1", 60)).reason());
        for (int minutes : new int[]{14, 0, -5, 24 * 60 + 1}) {
            assertEquals(BookingRejected.Reason.INVALID, assertThrows(BookingRejected.class, () -> service.book(1, "AB 1", minutes)).reason());
        }
        for (String plate : new String[]{"", " ", "A", "AB--12", "AB_12", "<script>", "ABCDEFGHIJKLM", "A".repeat(10_000), null}) {
            assertEquals(BookingRejected.Reason.INVALID, assertThrows(BookingRejected.class, () -> service.book(1, plate, 60)).reason(),
                    "plate " + plate);
        }
        assertTrue(service.active().isEmpty());
    }

    @Test
    void fortyAtOnceForOneSpotGiveExactlyOneBooking() throws Exception {
        String url = url();
        JdbcBookingStore store = JdbcBookingStore.open(url);
        BookingService service = service(store);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String plate = "CAR " + i;
            Callable<Boolean> attempt = () -> {
                go.await();
                try {
                    service.book(3, plate, 60);
                    return true;
                } catch (BookingRejected e) {
                    assertEquals(BookingRejected.Reason.ALREADY_BOOKED, e.reason());
                    return false;
                }
            };
            attempts.add(pool.submit(attempt));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> f : attempts) {
            won += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM bookings WHERE spot = 3")) {
            r.next();
            assertEquals(1, r.getInt(1), "one row in the database");
        }
    }

    /** Transactions that read before they write, from two processes' stores at once: none fails on the lock. */
    @Test
    void twoStoresArrivingAndCancellingAtOnceNeverFailOnTheLock() throws Exception {
        JdbcBookingStore[] stores = {JdbcBookingStore.open(url()), JdbcBookingStore.open(url())};
        Instant now = clock.instant();
        for (int spot = 1; spot <= 40; spot++) {
            assertTrue(stores[0].insert(new Booking("CODE" + (1000 + spot), spot, "CAR " + spot, now,
                    now.plusSeconds(3600)), BookingService.KIOSK, now));
        }
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> ends = new ArrayList<>();
        for (int spot = 1; spot <= 40; spot++) {
            JdbcBookingStore store = stores[spot % 2];
            int bay = spot;
            ends.add(pool.submit(() -> {
                go.await();
                store.arrive(bay, now);
                return store.cancel("CODE" + (1000 + bay), now);
            }));
        }
        go.countDown();
        for (Future<Boolean> end : ends) {
            assertTrue(end.get(), "each booking cancelled, none refused for the lock");
        }
        pool.shutdown();
        assertTrue(stores[0].active(now).isEmpty());
    }

    @Test
    void theDatabaseItselfRefusesASecondActiveBookingForASpot() throws Exception {
        String url = url();
        JdbcBookingStore store = JdbcBookingStore.open(url);
        Instant now = clock.instant();
        assertTrue(store.insert(new Booking("AAAA0001", 4, "AB 1", now, now.plusSeconds(3600)), BookingService.KIOSK, now));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO bookings (code, spot, plate, starts_at, ends_at) VALUES ('AAAA0002', 4, 'CD 2', 0, 1)");
            assertThrows(java.sql.SQLException.class,
                    () -> s.execute("INSERT INTO spot_holds (spot, code, ends_at) VALUES (4, 'AAAA0002', 99999999999999)"));
        }
    }

    @Test
    void bookingsSurviveReopeningAndTheSchemaIsMigratedOnce() throws Exception {
        String url = url();
        Booking b = service(JdbcBookingStore.open(url)).book(1, "AB 1", 120);
        JdbcBookingStore reopened = JdbcBookingStore.open(url);
        assertEquals(List.of(b), reopened.active(clock.instant()));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(version) FROM schema_version")) {
            r.next();
            assertEquals(4, r.getInt(1));
            assertEquals(4, r.getInt(2));
        }
    }

    @Test
    void everyTransitionIsKeptWithItsTimeAndTheLimitsCountWhatTheDatabaseHolds() throws Exception {
        String url = url();
        JdbcBookingStore store = JdbcBookingStore.open(url);
        BookingService service = service(store);
        Booking arrives = service.book(1, "AB 1", 60, "10.0.0.1");
        Booking late = service.book(2, "AB 2", 60, "10.0.0.1");
        Booking voided = service.book(3, "AB 3", 60, "10.0.0.1");
        assertEquals(BookingRejected.Reason.TOO_MANY, assertThrows(BookingRejected.class,
                () -> service.book(4, "AB 4", 60, "10.0.0.1")).reason());
        assertEquals(BookingRejected.Reason.TOO_MANY, assertThrows(BookingRejected.class,
                () -> service.book(4, "AB 1", 60)).reason(), "one active booking per plate, at the kiosk too");
        clock.advance(Duration.ofMinutes(5));
        service.arrived(1);
        assertTrue(service.voidBooking(voided.code().toLowerCase()));
        clock.advance(Duration.ofMinutes(10));
        service.refresh();
        assertEquals(List.of(arrives), service.active());
        Instant now = clock.instant();
        java.util.Map<String, BookingRecord> records = new java.util.HashMap<>();
        service.recent().forEach(r -> records.put(r.booking().code(), r));
        assertEquals("arrived", records.get(arrives.code()).state(now));
        assertEquals(now.minus(Duration.ofMinutes(10)), records.get(arrives.code()).arrived());
        assertEquals("no-show", records.get(late.code()).state(now));
        assertEquals(now, records.get(late.code()).released());
        assertEquals("voided", records.get(voided.code()).state(now));
        assertEquals("10.0.0.1", records.get(voided.code()).client());

        service.taken(1);
        assertTrue(service.alerts().isEmpty(), "a bay whose car arrived is not taken");
        store.raise(new Alert(now, 2, "ABCD1234", "spot 2 is taken"));
        assertEquals(List.of(new Alert(now, 2, "ABCD1234", "spot 2 is taken")), service.alerts());
        store.setClosed(4, true, now);
        store.setClosed(4, true, now);
        assertEquals(java.util.Set.of(4), JdbcBookingStore.open(url).closedSpots(), "closed bays survive reopening");
    }

    @Test
    void aBookingIsExtendedWithinTheLongestStayOnlyByItsCodeAndHoldsItsSpotLonger() throws Exception {
        String url = url();
        BookingService service = new BookingService(JdbcBookingStore.open(url), BookingStoreContract::lot, clock,
                new BookingRules(15, 120, List.of(30, 60)), (active, closed) -> { });
        Booking b = service.book(1, "AB 1", 60, "10.0.0.1");
        clock.advance(Duration.ofMinutes(10));

        Booking longer = service.extend(b.code().toLowerCase(), 30, "10.0.0.2").orElseThrow();
        assertEquals(b.end().plus(Duration.ofMinutes(30)), longer.end());
        assertEquals(List.of(longer), service.active());
        assertEquals(Optional.of(longer), JdbcBookingStore.open(url).find(b.code()), "the end is stored");
        assertEquals(30, service.rules().extensionLeft(longer));

        BookingRejected tooLong = assertThrows(BookingRejected.class, () -> service.extend(b.code(), 31, "10.0.0.2"));
        assertEquals(BookingRejected.Reason.INVALID, tooLong.reason());
        assertEquals("a booking lasts at most 2 hours: this one can be extended by at most 30 minutes", tooLong.getMessage());
        assertEquals(BookingRejected.Reason.INVALID, assertThrows(BookingRejected.class,
                () -> service.extend(b.code(), 0, "10.0.0.2")).reason());
        service.extend(b.code(), 30, "10.0.0.2");
        assertEquals("this booking already lasts the longest a booking may (2 hours)",
                assertThrows(BookingRejected.class, () -> service.extend(b.code(), 15, "10.0.0.2")).getMessage());

        clock.advance(Duration.ofMinutes(110));
        assertTrue(service.active().isEmpty(), "the extended booking ends at its new end");
        assertEquals(Optional.empty(), service.extend(b.code(), 15, "10.0.0.2"), "an ended booking is not extended");
        assertEquals(Optional.empty(), service.find(b.code(), "10.0.0.2"));
    }

    @Test
    void wrongCodesLookedUpOrExtendedCountAgainstTheAddressAsCancellationsDo() throws Exception {
        BookingService service = service(JdbcBookingStore.open(url()));
        Booking b = service.book(1, "AB 1", 60, "10.0.0.1");
        assertEquals(Optional.of(b), service.find(b.code(), "10.0.0.9"));
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), service.find("WRONG" + i, "10.0.0.9"));
            assertEquals(Optional.empty(), service.extend("WRONGX" + i, 30, "10.0.0.9"));
        }
        assertEquals(BookingRejected.Reason.TOO_MANY, assertThrows(BookingRejected.class,
                () -> service.find(b.code(), "10.0.0.9")).reason(), "ten wrong codes: even the right one waits");
        assertEquals(BookingRejected.Reason.TOO_MANY, assertThrows(BookingRejected.class,
                () -> service.cancel(b.code(), "10.0.0.9")).reason());
        assertEquals(Optional.of(b), service.find(b.code(), "10.0.0.1"), "another address is not held up");
    }
}
