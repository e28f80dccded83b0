package com.parkwatch.history;

import com.parkwatch.booking.HistoryStore;
import com.parkwatch.booking.LotChange;
import com.parkwatch.booking.SpotChange;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SpotView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps every change of the lot in the history store without the engine ever waiting on it: the lot's listener only
 * dates the view and queues it (bounded: when full, the view is dropped and counted; the next one still carries the
 * state). On the bookings thread {@link #drain} turns the views into changes (a spot's state or what the camera saw,
 * the lot's liveness) and writes them. A store that fails keeps them in memory, up to {@link #CHANGES_KEPT}, the
 * oldest dropped and counted beyond that; the failure is logged once and again when it heals.
 */
public final class HistoryRecorder {

    /** Retention when none is given. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    /**
     * How often a live lot says it still is, when nothing else changes: a lot that falls silent longer than a few of
     * these (the process stopped, the box lost power) is taken as not watched from then on.
     */
    public static final Duration HEARTBEAT = Duration.ofMinutes(1);
    /** Views waiting for the bookings thread: minutes of samples at one a second. */
    static final int VIEWS_QUEUED = 512;
    /** Changes kept while the store fails: about an hour of a busy 400-bay lot, a few megabytes. */
    static final int CHANGES_KEPT = 200_000;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

    private final HistoryStore store;
    private final Clock clock;
    private final BlockingQueue<Seen> views = new ArrayBlockingQueue<>(VIEWS_QUEUED);
    private final AtomicLong viewsDropped = new AtomicLong();
    // Below: the draining thread's only (drain is synchronized for the last one at close).
    private final Map<Integer, SpotChange> last = new HashMap<>();
    private Boolean lastLive;
    private Instant lastLotChange;
    private final Deque<SpotChange> spots = new ArrayDeque<>();
    private final Deque<LotChange> lot = new ArrayDeque<>();
    private long changesDropped;
    private boolean failing;
    private boolean dropsLogged;

    private record Seen(Instant at, LotView view) {
    }

    public HistoryRecorder(HistoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The lot as it is now, from any thread (the engine's): dated and queued, never waiting. */
    public void seen(LotView view) {
        if (!views.offer(new Seen(clock.instant(), view))) {
            viewsDropped.incrementAndGet();
        }
    }

    /** The lot stops being watched (the watch closes): kept as not live from now. */
    public void stopped() {
        views.offer(new Seen(clock.instant(), null));
    }

    /** On the bookings thread: the queued views become changes, written to the store or kept for the next try. */
    public synchronized void drain() {
        for (Seen seen; (seen = views.poll()) != null; ) {
            compare(seen);
        }
        Instant now = clock.instant();
        if (Boolean.TRUE.equals(lastLive) && !now.isBefore(lastLotChange.plus(HEARTBEAT))) {
            lot.add(new LotChange(now, true));
            lastLotChange = now;
        }
        trim();
        if (spots.isEmpty() && lot.isEmpty()) {
            return;
        }
        try {
            store.record(new ArrayList<>(spots), new ArrayList<>(lot));
            if (failing) {
                LOG.info("the history is written again: {} changes kept while the database failed, {} lost in all",
                        spots.size() + lot.size(), dropped());
                failing = false;
            }
            spots.clear();
            lot.clear();
        } catch (StoreUnavailable e) {
            if (!failing) {
                LOG.warn("cannot write the lot's history ({}); its changes wait in memory, at most {}", e.getMessage(),
                        CHANGES_KEPT);
                failing = true;
            }
        }
        if (!dropsLogged && dropped() > 0) {
            LOG.warn("the history is losing changes (the database down too long, or the bookings thread behind);"
                    + " they are counted, and the count is logged when the database answers again");
            dropsLogged = true;
        }
    }

    /** How many views and changes were dropped, never written: 0 unless the store failed long or fell behind. */
    public long dropped() {
        return viewsDropped.get() + changesDropped;
    }

    /** Forgets the history older than the retention; on the bookings thread, once a day. */
    public void prune(Duration retention) {
        int deleted = store.pruneHistory(clock.instant().minus(retention));
        LOG.info("history older than {} days pruned: {} rows", retention.toDays(), deleted);
    }

    private void compare(Seen seen) {
        boolean live = seen.view() != null && seen.view().live();
        if (lastLive == null || lastLive != live) {
            lot.add(new LotChange(seen.at(), live));
            lastLive = live;
            lastLotChange = seen.at();
        }
        if (seen.view() == null) {
            return;
        }
        for (SpotView spot : seen.view().spots()) {
            SpotChange before = last.get(spot.id());
            if (before == null || before.state() != spot.state() || before.occupancy() != spot.occupancy()) {
                SpotChange change = new SpotChange(seen.at(), spot.id(), spot.state(), spot.occupancy());
                last.put(spot.id(), change);
                spots.add(change);
            }
        }
    }

    private void trim() {
        while (spots.size() + lot.size() > CHANGES_KEPT) {
            if (!lot.isEmpty() && (spots.isEmpty() || lot.peekFirst().at().isBefore(spots.peekFirst().at()))) {
                lot.removeFirst();
            } else {
                spots.removeFirst();
            }
            changesDropped++;
        }
    }
}
