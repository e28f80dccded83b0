package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bookings, shared by the kiosk and the web: a spot is booked only while the camera sees it free and no other
 * booking holds it, for a duration the lot's {@link BookingRules} allow, by a valid plate; the driver gets a short
 * unguessable code, the only way to cancel. Bookings end by themselves. After each booking and cancellation, and at
 * each {@link #refresh}, the active bookings and the closed bays are handed to a listener (the live lot keeps them
 * in memory, so that nothing that draws or serves the lot's state reads the database).
 *
 * <p>Fair use ({@link FairUse}): one plate and one client address hold only so many bookings, an address makes
 * only so many an hour, and an address that tries too many wrong cancel codes waits. The camera ties a booking to
 * its car: the bay turning occupied during it is its arrival; a booking whose car has not arrived within the
 * rules' arrival grace is released at the next refresh; a booked bay found occupied without that turn raises an
 * alert for the operator.
 */
public final class BookingService {

    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    /** Crockford's base 32 ({@link BookingCodes}): eight characters carry 40 random bits. */
    private static final char[] CODE_ALPHABET = BookingCodes.ALPHABET.toCharArray();
    /** The client of bookings made at the kiosk: shared by everyone at the lot, limited per plate only. */
    public static final String KIOSK = "kiosk";
    /** How far back the operator's lists of bookings and alerts reach. */
    private static final Duration RECENT = Duration.ofDays(1);
    /** Stripes of the locks that make "check the limits, then book" one step per plate and per address. */
    private static final int LOCK_STRIPES = 64;
    /** Tries of an extension whose booking another request extended or ended at the same moment. */
    private static final int EXTEND_ATTEMPTS = 3;

    /** Told the active bookings and the closed bays after every change and refresh, on the thread that made it. */
    public interface Listener {
        void changed(List<Booking> active, Set<Integer> closed);
    }

    /**
     * Told of each transition this service commits, once it is committed, on the thread that made it: keep it short
     * (wake a thread of your own). Bookings that end by themselves, and other processes' transitions, are not told.
     */
    public interface Transitions {
        void committed(BookingEvent.Kind kind, String code);
    }

    private final BookingStore store;
    private final SpotAvailability lot;
    private final Clock clock;
    private final BookingRules rules;
    private final Listener listener;
    private final SecureRandom random = new SecureRandom();
    private final AttemptLog bookingsMade;
    private final AttemptLog wrongCodes;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final List<Transitions> transitions = new CopyOnWriteArrayList<>();

    /** With the default rules (15 minutes to 24 hours), telling nobody of changes. */
    public BookingService(BookingStore store, SpotAvailability lot, Clock clock) {
        this(store, lot, clock, BookingRules.DEFAULT, (active, closed) -> { });
    }

    public BookingService(BookingStore store, SpotAvailability lot, Clock clock, BookingRules rules, Listener listener) {
        this.store = store;
        this.lot = lot;
        this.clock = clock;
        this.rules = rules;
        this.listener = listener;
        bookingsMade = new AttemptLog(rules.fairUse().perClientHourly(), FairUse.HOUR, clock);
        wrongCodes = new AttemptLog(rules.fairUse().wrongCodes(), FairUse.WRONG_CODE_WINDOW, clock);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public void onTransition(Transitions listener) {
        transitions.add(listener);
    }

    private void told(BookingEvent.Kind kind, String code) {
        for (Transitions listener : transitions) {
            try {
                listener.committed(kind, code);
            } catch (RuntimeException e) {
                // The transition is made: a listener's failure must not fail the driver's request.
                LOG.error("a listener of the bookings' transitions failed", e);
            }
        }
    }

    public BookingRules rules() {
        return rules;
    }

    /** The lot's history, kept in the same database, for the utilisation reports. */
    public HistoryStore history() {
        return store;
    }

    /** A booking made at the kiosk. */
    public Booking book(int spot, String plate, int minutes) {
        return book(spot, plate, minutes, KIOSK);
    }

    /**
     * A booking made by a client address (the web's), within the fair-use limits.
     *
     * @throws BookingRejected why not, in words for the driver
     * @throws StoreUnavailable when the database cannot be reached within its time
     */
    public Booking book(int spot, String plate, int minutes, String client) {
        String normalised = Plates.checked(plate);
        rules.check(minutes);
        boolean web = !KIOSK.equals(client);
        if (web && bookingsMade.full(client)) {
            throw tooMany("this address has made " + rules.fairUse().perClientHourly()
                    + " bookings in the last hour; try again later");
        }
        if (!lot.watching()) {
            throw new BookingRejected(BookingRejected.Reason.NOT_WATCHING,
                    "the camera is not watching the lot right now, so no spot can be booked; try again in a moment");
        }
        Optional<Occupancy> seen = lot.occupancyOf(spot);
        if (seen.isEmpty()) {
            throw new BookingRejected(BookingRejected.Reason.UNKNOWN_SPOT, "there is no spot " + spot);
        }
        Optional<String> blind = lot.notWatching(spot);
        if (blind.isPresent()) {
            throw new BookingRejected(BookingRejected.Reason.NOT_WATCHING, blind.get() + "; try another spot or again in a moment");
        }
        if (!lot.forDrivers(spot)) {
            throw new BookingRejected(BookingRejected.Reason.CLOSED, "spot " + spot + " is not offered to drivers: the lot's layout closes it or keeps it for staff");
        }
        if (seen.get() != Occupancy.FREE) {
            throw new BookingRejected(BookingRejected.Reason.NOT_FREE, "spot " + spot + " is not free now");
        }
        if (store.closedSpots().contains(spot)) {
            throw new BookingRejected(BookingRejected.Reason.CLOSED, "spot " + spot + " is closed by the operator");
        }
        Booking booking;
        synchronized (lock(normalised)) {
            synchronized (lock(client)) {
                booking = insertWithinLimits(spot, normalised, minutes, client, web);
            }
        }
        told(BookingEvent.Kind.BOOKED, booking.code());
        refreshAfterChange();
        return booking;
    }

    private Booking insertWithinLimits(int spot, String plate, int minutes, String client, boolean web) {
        // Whole milliseconds: what the database keeps, so a booking reads back exactly as it was made.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        FairUse limits = rules.fairUse();
        if (store.activeWithPlate(plate, now) >= limits.perPlate()) {
            throw tooMany("the plate " + plate + " already has " + count(limits.perPlate()) + "; cancel one first");
        }
        if (web && store.activeFromClient(client, now) >= limits.perClient()) {
            throw tooMany("this address already holds " + count(limits.perClient()) + "; cancel one first");
        }
        Booking booking = new Booking(newCode(), spot, plate, now, now.plus(Duration.ofMinutes(minutes)));
        if (web) {
            bookingsMade.add(client);
        }
        if (!store.insert(booking, client, now)) {
            throw new BookingRejected(BookingRejected.Reason.ALREADY_BOOKED, "spot " + spot + " is already booked");
        }
        return booking;
    }

    private static String count(int bookings) {
        return bookings == 1 ? "an active booking" : bookings + " active bookings";
    }

    private static BookingRejected tooMany(String message) {
        return new BookingRejected(BookingRejected.Reason.TOO_MANY, message);
    }

    private Object lock(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }

    private String newCode() {
        char[] code = new char[BookingCodes.LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    /** Cancels the active booking with this code (any case) at the kiosk; false when there is none. */
    public boolean cancel(String code) {
        boolean cancelled = code != null && store.cancel(normaliseCode(code), clock.instant());
        if (cancelled) {
            told(BookingEvent.Kind.CANCELLED, normaliseCode(code));
            refreshAfterChange();
        }
        return cancelled;
    }

    /**
     * Cancels with a code a client address sent; an address that tried too many wrong codes lately is refused,
     * and logged once by name when it reaches the limit.
     */
    public boolean cancel(String code, String client) {
        refuseGuessing(client);
        boolean cancelled = cancel(code);
        if (!cancelled) {
            wrongCode(client);
        }
        return cancelled;
    }

    /**
     * The active booking with this code, looked up by a client address (the receipt page): a wrong code counts as
     * one tried at {@link #cancel(String, String)}, so codes cannot be guessed by looking them up instead.
     */
    public Optional<Booking> find(String code, String client) {
        refuseGuessing(client);
        Optional<Booking> found = activeWithCode(code);
        if (found.isEmpty()) {
            wrongCode(client);
        }
        return found;
    }

    /**
     * Makes the active booking with this code {@code minutes} longer, within the rules' longest booking counted from
     * its start ({@link BookingRules#checkExtension}); wrong codes count as at {@link #cancel(String, String)}.
     *
     * @return the booking as extended; empty when no active booking has that code
     * @throws BookingRejected when the rules forbid it, or the address tried too many wrong codes
     */
    public Optional<Booking> extend(String code, int minutes, String client) {
        refuseGuessing(client);
        // The store moves the end only from the end read here: a second extension at once reads again.
        for (int attempt = 0; attempt < EXTEND_ATTEMPTS; attempt++) {
            Optional<Booking> found = activeWithCode(code);
            if (found.isEmpty()) {
                wrongCode(client);
                return found;
            }
            Booking b = found.get();
            rules.checkExtension(b, minutes);
            Booking longer = new Booking(b.code(), b.spot(), b.plate(), b.start(), b.end().plus(Duration.ofMinutes(minutes)));
            if (store.extend(b.code(), b.end(), longer.end(), clock.instant())) {
                LOG.info("booking {} for spot {} extended by {} minutes", b.code(), b.spot(), minutes);
                told(BookingEvent.Kind.EXTENDED, b.code());
                refreshAfterChange();
                return Optional.of(longer);
            }
        }
        throw new StoreUnavailable("booking " + normaliseCode(code) + " kept changing while it was extended", null);
    }

    private Optional<Booking> activeWithCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = normaliseCode(code);
        return store.active(clock.instant()).stream().filter(b -> b.code().equals(wanted)).findFirst();
    }

    private void refuseGuessing(String client) {
        if (wrongCodes.full(client)) {
            throw tooMany("too many wrong booking codes from this address; try again in "
                    + FairUse.WRONG_CODE_WINDOW.toMinutes() + " minutes");
        }
    }

    private void wrongCode(String client) {
        if (wrongCodes.add(client)) {
            LOG.warn("booking codes: {} tried {} wrong codes within {} minutes; its next tries are refused", client,
                    rules.fairUse().wrongCodes(), FairUse.WRONG_CODE_WINDOW.toMinutes());
        }
    }

    /** The operator ends a booking with its code; false when no active booking has it. */
    public boolean voidBooking(String code) {
        boolean voided = code != null && store.voidBooking(normaliseCode(code), clock.instant());
        if (voided) {
            LOG.info("the operator voided booking {}", normaliseCode(code));
            told(BookingEvent.Kind.VOIDED, normaliseCode(code));
            refreshAfterChange();
        }
        return voided;
    }

    private static String normaliseCode(String code) {
        return BookingCodes.normalise(code);
    }

    public List<Booking> active() {
        return store.active(clock.instant());
    }

    /** Bookings active or ended in the last day, newest first, with their transitions: the operator's list. */
    public List<BookingRecord> recent() {
        return store.since(clock.instant().minus(RECENT));
    }

    /** The alerts of the last day, newest first. */
    public List<Alert> alerts() {
        return store.alerts(clock.instant().minus(RECENT));
    }

    /** The operator closes a bay (out of service: never offered) or opens it again; kept across restarts. */
    public void setClosed(int spot, boolean closed) {
        if (lot.occupancyOf(spot).isEmpty()) {
            throw new BookingRejected(BookingRejected.Reason.UNKNOWN_SPOT, "there is no spot " + spot);
        }
        store.setClosed(spot, closed, clock.instant());
        LOG.info("the operator {} spot {}", closed ? "closed" : "opened", spot);
        refreshAfterChange();
    }

    public Set<Integer> closedSpots() {
        return store.closedSpots();
    }

    /** The camera saw a booked bay turn occupied: the booking's car arrived. */
    public void arrived(int spot) {
        store.arrive(spot, clock.instant()).ifPresent(code -> {
            LOG.info("booking {}: its car arrived at spot {}", code, spot);
            told(BookingEvent.Kind.ARRIVED, code);
        });
    }

    /**
     * The camera saw a booked bay occupied without seeing it turn so during the booking (already occupied when the
     * booking reached this lot, or seen again after the camera was blind): unless its car already arrived, another car
     * may have taken it, and the operator is told.
     */
    public void taken(int spot) {
        Instant now = clock.instant();
        store.holder(spot, now).filter(held -> held.arrived() == null).ifPresent(held -> {
            String message = "spot " + spot + " is booked for " + held.booking().plate() + " (code "
                    + held.booking().code() + ") but another car is on it";
            LOG.warn("alert: {}", message);
            store.raise(new Alert(now, spot, held.booking().code(), message));
            told(BookingEvent.Kind.ALERT, held.booking().code());
        });
    }

    /**
     * Releases the no-shows (bookings whose car has not arrived within the arrival grace), reads the active bookings
     * and the closed bays and hands them on: bookings that ended, and those other kiosks sharing the database made.
     * Throws {@link StoreUnavailable} when the database cannot be read, and then tells nobody.
     */
    public void refresh() {
        Instant now = clock.instant();
        for (Booking late : store.releaseNoShows(now.minus(rules.arrivalGrace()), now)) {
            LOG.info("booking {} for spot {} released: its car did not arrive within {} minutes", late.code(),
                    late.spot(), rules.arrivalGrace().toMinutes());
            told(BookingEvent.Kind.NO_SHOW, late.code());
        }
        listener.changed(store.active(now), store.closedSpots());
    }

    /** The change is made and must be reported as made: a failed read now is mended by the next refresh. */
    private void refreshAfterChange() {
        try {
            refresh();
        } catch (StoreUnavailable e) {
            LOG.warn("the bookings were changed but could not be read back: {}", e.getMessage());
        }
    }
}
