package com.parkwatch.publish;

import com.parkwatch.booking.Alert;
import com.parkwatch.booking.BookingRecord;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The bookings' transitions as events (booked, extended, arrived, released, alert), read from what the booking
 * service records: its own thread reads the last day's bookings and alerts and tells each listener what changed
 * since the read before. It reads at once when this process's booking service commits a transition (it tells this
 * class, {@link BookingService#onTransition}), so those are published within a moment; and every {@link #EVERY}, for
 * what no commit here tells: bookings that end by themselves, and those other kiosks sharing the database change.
 * Reading the record, rather than guessing from the lot's picture or from the commit alone, keeps the rules for
 * arrivals and no-shows in one place ({@code BookingArrivals}, {@code BookingService}) and tells each transition
 * once however it was heard of. What was there at the first read is not told.
 */
public final class BookingEvents implements AutoCloseable {

    /** How often the bookings are read besides: how late an ended booking or another process's event is, at most. */
    public static final Duration EVERY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(BookingEvents.class);

    private final BookingService bookings;
    private final Clock clock;
    private final Duration every;
    /** A read is queued already: transitions committed meanwhile are all seen by it. */
    private final AtomicBoolean readQueued = new AtomicBoolean();
    private final List<Consumer<BookingEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread t = new Thread(work, "booking-events");
        t.setDaemon(true);
        return t;
    });
    /** Each booking's state and end at the last read, by code; null before the first read. Only the thread touches it. */
    private Map<String, Seen> states;
    private Set<String> alertsSeen;
    private boolean failing;

    /** A booking as the last read saw it. */
    private record Seen(String state, Instant end) {
    }

    public BookingEvents(BookingService bookings, Clock clock) {
        this(bookings, clock, EVERY);
    }

    /** Reading every {@code every} besides the reads the commits ask for. */
    BookingEvents(BookingService bookings, Clock clock, Duration every) {
        this.bookings = bookings;
        this.clock = clock;
        this.every = every;
    }

    /** Told of each event on this class's own thread: keep it short (a queue's offer). */
    public void subscribe(Consumer<BookingEvent> listener) {
        listeners.add(listener);
    }

    public BookingEvents start() {
        thread.scheduleWithFixedDelay(this::read, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        bookings.onTransition((kind, code) -> readSoon());
        return this;
    }

    /** Called on the thread that committed a transition: it only queues a read. */
    private void readSoon() {
        if (readQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    readQueued.set(false);
                    read();
                });
            } catch (RejectedExecutionException closed) {
                // Closed: nobody is told any more.
            }
        }
    }

    private void read() {
        try {
            List<BookingEvent> news = changes(bookings.recent(), bookings.alerts(), clock.instant());
            news.forEach(e -> listeners.forEach(l -> l.accept(e)));
            if (failing) {
                LOG.info("booking events: the bookings can be read again");
                failing = false;
            }
        } catch (StoreUnavailable e) {
            if (!failing) {
                LOG.warn("booking events wait for the database: {}", e.getMessage());
                failing = true;
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log it and keep the schedule.
            LOG.error("reading the booking events failed", e);
        }
    }

    /** What changed since the last read; nothing at the first. */
    List<BookingEvent> changes(List<BookingRecord> recent, List<Alert> alerts, Instant now) {
        List<BookingEvent> events = new ArrayList<>();
        Map<String, Seen> next = new HashMap<>();
        for (BookingRecord r : recent) {
            String code = r.booking().code();
            String state = r.state(now);
            next.put(code, new Seen(state, r.booking().end()));
            if (states == null) {
                continue;
            }
            Seen seenBefore = states.get(code);
            String before = seenBefore == null ? null : seenBefore.state();
            int spot = r.booking().spot();
            if (before == null && (state.equals("booked") || state.equals("arrived"))) {
                events.add(new BookingEvent(BookingEvent.Kind.BOOKED, spot, r.booking().start(), r.booking().end(),
                        "booked", ""));
            }
            if (r.arrived() != null && (before == null || before.equals("booked"))) {
                events.add(new BookingEvent(BookingEvent.Kind.ARRIVED, spot, r.arrived(), r.booking().end(),
                        "arrived", ""));
            }
            if (seenBefore != null && !isOver(state) && !seenBefore.end().equals(r.booking().end())) {
                events.add(new BookingEvent(BookingEvent.Kind.EXTENDED, spot, now, r.booking().end(), "extended", ""));
            }
            if (isOver(state) && before != null && !isOver(before)) {
                events.add(new BookingEvent(BookingEvent.Kind.RELEASED, spot, now, r.booking().end(), state, ""));
            }
        }
        Set<String> seen = new HashSet<>();
        for (Alert a : alerts) {
            String key = a.raised() + " " + a.spot() + " " + a.code();
            seen.add(key);
            if (alertsSeen != null && !alertsSeen.contains(key)) {
                events.add(new BookingEvent(BookingEvent.Kind.ALERT, a.spot(), a.raised(), null, "alert",
                        "the bay is booked but another car is on it"));
            }
        }
        states = next;
        alertsSeen = seen;
        return events;
    }

    private static boolean isOver(String state) {
        return !state.equals("booked") && !state.equals("arrived");
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
