package com.parkwatch.history;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.parkwatch.Databases;
import com.parkwatch.booking.BookingEvent;
import com.parkwatch.booking.HistoryStore;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.LotChange;
import com.parkwatch.booking.SpotChange;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.booking.TestClock;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recorder on a real SQLite file that the test can make fail: only changes are written, a failing database
 * keeps them waiting in order, beyond the bound the oldest are dropped and counted, and the failure is logged once.
 */
class HistoryRecorderTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<Spot> SPOTS = List.of(Spot.ofBox(1, new Box(0, 0, 10, 10)),
            Spot.ofBox(2, new Box(10, 0, 10, 10)));

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(T0);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(HistoryRecorder.class);
    private JdbcBookingStore store;
    private Failing failing;
    private HistoryRecorder recorder;

    @BeforeEach
    void open() {
        store = JdbcBookingStore.open(Databases.sqlite(dir));
        failing = new Failing(store);
        recorder = new HistoryRecorder(failing, clock);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
    }

    private static LotView view(Occupancy one, Occupancy two) {
        return LotView.of(new LotSnapshot(0, 0, List.of(new SpotStatus(SPOTS.get(0), one, 1, 0),
                new SpotStatus(SPOTS.get(1), two, 1, 0))));
    }

    private List<SpotChange> written() {
        List<SpotChange> out = new ArrayList<>();
        store.spotChanges(T0.minusSeconds(1), T0.plus(Duration.ofDays(1)), out::add);
        return out;
    }

    @Test
    void onlyChangesAreWrittenEachDatedWhenTheLotChanged() {
        recorder.seen(view(Occupancy.FREE, Occupancy.FREE));
        clock.advance(Duration.ofSeconds(1));
        recorder.seen(view(Occupancy.FREE, Occupancy.FREE));
        clock.advance(Duration.ofSeconds(1));
        recorder.seen(view(Occupancy.FREE, Occupancy.OCCUPIED));
        clock.advance(Duration.ofSeconds(10));
        recorder.drain();
        assertEquals(List.of(new SpotChange(T0, 1, SpotState.FREE, Occupancy.FREE),
                new SpotChange(T0, 2, SpotState.FREE, Occupancy.FREE),
                new SpotChange(T0.plusSeconds(2), 2, SpotState.OCCUPIED, Occupancy.OCCUPIED)), written());
        assertEquals(List.of(new LotChange(T0, true)), store.lotChanges(T0, T0.plusSeconds(60)));
        recorder.stopped();
        recorder.drain();
        assertEquals(List.of(new LotChange(T0, true), new LotChange(T0.plusSeconds(12), false)),
                store.lotChanges(T0, T0.plusSeconds(60)), "a watch that stops leaves the lot not live");
    }

    @Test
    void aFailingDatabaseKeepsTheChangesInOrderLogsOnceAndTheyAreWrittenWhenItHeals() {
        failing.failing = true;
        for (int i = 0; i < 10; i++) {
            recorder.seen(view(i % 2 == 0 ? Occupancy.OCCUPIED : Occupancy.FREE, Occupancy.FREE));
            clock.advance(Duration.ofSeconds(1));
            recorder.drain();
        }
        assertEquals(List.of(), written());
        assertEquals(1, warnings(), "said once");
        failing.failing = false;
        recorder.drain();
        List<SpotChange> written = written();
        assertEquals(11, written.size(), "spot 2 once, spot 1 ten times");
        assertEquals(T0.plusSeconds(9), written.get(10).at());
        assertEquals(0, recorder.dropped());
    }

    @Test
    void beyondTheBoundTheOldestAreDroppedAndCounted() {
        failing.failing = true;
        int changes = HistoryRecorder.CHANGES_KEPT + 1000;
        // Each view changes spot 1; the first view also brings spot 2 and the lot's liveness. The clock stands
        // still: no heartbeat.
        for (int i = 0; i < changes; i++) {
            recorder.seen(view(i % 2 == 0 ? Occupancy.OCCUPIED : Occupancy.FREE, Occupancy.FREE));
            if (i % 500 == 0) {
                recorder.drain();
            }
        }
        recorder.drain();
        assertEquals(1002, recorder.dropped(), "the oldest, counted");
        failing.failing = false;
        recorder.drain();
        assertEquals(HistoryRecorder.CHANGES_KEPT, written().size() + store.lotChanges(T0, T0.plusSeconds(1)).size(),
                "the newest kept, written");
        for (int i = 0; i < HistoryRecorder.VIEWS_QUEUED + 5; i++) {
            recorder.seen(view(Occupancy.FREE, Occupancy.FREE));
        }
        assertEquals(1007, recorder.dropped(), "views that did not fit the queue, counted");
    }

    private long warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().startsWith("cannot write the lot's history")).count();
    }

    /** The real store, failing as a database does when the test says so. */
    private static final class Failing implements HistoryStore {
        private final HistoryStore store;
        volatile boolean failing;

        Failing(HistoryStore store) {
            this.store = store;
        }

        @Override
        public void record(List<SpotChange> spots, List<LotChange> lot) {
            if (failing) {
                throw new StoreUnavailable("the booking database failed: database is locked", null);
            }
            store.record(spots, lot);
        }

        @Override
        public void spotChanges(Instant from, Instant to, Consumer<SpotChange> each) {
            store.spotChanges(from, to, each);
        }

        @Override
        public List<LotChange> lotChanges(Instant from, Instant to) {
            return store.lotChanges(from, to);
        }

        @Override
        public List<BookingEvent> bookingEvents(Instant from, Instant to) {
            return store.bookingEvents(from, to);
        }

        @Override
        public int pruneHistory(Instant before) {
            return store.pruneHistory(before);
        }
    }
}
