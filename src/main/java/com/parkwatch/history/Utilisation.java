package com.parkwatch.history;

import com.parkwatch.booking.BookingEvent;
import com.parkwatch.booking.HistoryStore;
import com.parkwatch.booking.LotChange;
import com.parkwatch.booking.SpotChange;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotState;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one computation of the utilisation reports (the web's, the command's and the kiosk's): one sweep through the
 * history in time order, each bay's time credited when it changes, so a quarter of a busy lot reads once and never
 * sits in memory. A bay is observed while the lot is live, the bay not closed and the camera sure of it; an arrival
 * is a turn from free to occupied while observed; a stay is seen whole from an arrival to its departure.
 */
public final class Utilisation {

    private static final double DAY_MILLIS = Duration.ofDays(1).toMillis();
    /** A live lot silent this long (no heartbeat) stopped being watched one heartbeat after it last spoke. */
    private static final long SILENCE = 3 * HistoryRecorder.HEARTBEAT.toMillis();

    private final long from;
    private final long to;
    /** The start of each hour of the range, in the lot's time zone; the last one ends at {@code to}. */
    private final long[] hourStarts;
    private final long[] hourObserved;
    private final long[] hourOccupied;
    private final Map<Integer, BayTime> bays = new TreeMap<>();
    private boolean live;
    /** When the lot last said whether it was live (a change or a heartbeat), unclamped. */
    private long lastLotAt;
    private int occupiedNow;
    private UtilisationReport.Peak peak;

    private Utilisation(ReportRange range, ZoneId zone) {
        from = range.from().toEpochMilli();
        to = range.to().toEpochMilli();
        List<Long> starts = new ArrayList<>();
        Instant hour = ZonedDateTime.ofInstant(range.from(), zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        for (; hour.toEpochMilli() < to; hour = hour.plus(Duration.ofHours(1))) {
            starts.add(Math.max(from, hour.toEpochMilli()));
        }
        hourStarts = starts.stream().mapToLong(Long::longValue).toArray();
        hourObserved = new long[hourStarts.length];
        hourOccupied = new long[hourStarts.length];
    }

    /** The report of a range, read from the history. */
    public static UtilisationReport of(HistoryStore store, ReportRange range, ZoneId zone) {
        Utilisation sweep = new Utilisation(range, zone);
        List<LotChange> lot = store.lotChanges(range.from(), range.to());
        int[] nextLot = {0};
        store.spotChanges(range.from(), range.to(), change -> {
            while (nextLot[0] < lot.size() && !lot.get(nextLot[0]).at().isAfter(change.at())) {
                sweep.lot(lot.get(nextLot[0]++));
            }
            sweep.spot(change);
        });
        lot.subList(nextLot[0], lot.size()).forEach(sweep::lot);
        return sweep.report(range, zone, store.bookingEvents(range.from(), range.to()));
    }

    /** One bay's state and the time credited to it so far. */
    private static final class BayTime {
        SpotState state = SpotState.UNKNOWN;
        Occupancy seen = Occupancy.UNKNOWN;
        long since;
        long observed;
        long occupied;
        int arrivals;
        int stays;
        long stayMillis;
        /** When the stay under way was seen to begin, or -1 when none is (or it was not seen whole). */
        long stayStart = -1;
    }

    private boolean observed(BayTime bay) {
        return live && bay.state != SpotState.CLOSED && bay.seen != Occupancy.UNKNOWN;
    }

    private boolean occupied(BayTime bay) {
        return observed(bay) && bay.seen == Occupancy.OCCUPIED;
    }

    private void lot(LotChange change) {
        silence(change.at().toEpochMilli());
        live(clamp(change.at()), change.live());
        lastLotAt = change.at().toEpochMilli();
    }

    /** A live lot that fell silent before {@code at} (the process stopped) was watched one heartbeat longer only. */
    private void silence(long at) {
        if (live && at - lastLotAt > SILENCE) {
            live(Math.max(from, lastLotAt + HistoryRecorder.HEARTBEAT.toMillis()), false);
        }
    }

    private void live(long at, boolean isLive) {
        bays.values().forEach(bay -> credit(bay, at));
        live = isLive;
        if (!live) {
            bays.values().forEach(bay -> bay.stayStart = -1);
        }
        occupiedNow = (int) bays.values().stream().filter(this::occupied).count();
        checkPeak(at);
    }

    private void spot(SpotChange change) {
        silence(change.at().toEpochMilli());
        long at = clamp(change.at());
        BayTime bay = bays.computeIfAbsent(change.spot(), id -> {
            BayTime fresh = new BayTime();
            fresh.since = at;
            return fresh;
        });
        credit(bay, at);
        boolean wasFree = observed(bay) && bay.seen == Occupancy.FREE;
        boolean wasOccupied = occupied(bay);
        bay.state = change.state();
        bay.seen = change.occupancy();
        boolean isOccupied = occupied(bay);
        if (wasFree && isOccupied && at > from) {
            bay.arrivals++;
            bay.stayStart = at;
        } else if (wasOccupied && !isOccupied) {
            if (bay.stayStart >= 0 && observed(bay)) {
                bay.stays++;
                bay.stayMillis += at - bay.stayStart;
            }
            bay.stayStart = -1;
        }
        occupiedNow += (isOccupied ? 1 : 0) - (wasOccupied ? 1 : 0);
        checkPeak(at);
    }

    private long clamp(Instant at) {
        return Math.max(from, Math.min(to, at.toEpochMilli()));
    }

    private void checkPeak(long at) {
        if (at < to && occupiedNow > 0 && (peak == null || occupiedNow > peak.occupied())) {
            peak = new UtilisationReport.Peak(Instant.ofEpochMilli(at), occupiedNow);
        }
    }

    /** The bay's time since its last change, up to {@code until}, as it was. */
    private void credit(BayTime bay, long until) {
        long start = bay.since;
        if (until <= start) {
            return;
        }
        bay.since = until;
        if (!observed(bay)) {
            return;
        }
        boolean occupied = occupied(bay);
        bay.observed += until - start;
        if (occupied) {
            bay.occupied += until - start;
        }
        int h = Arrays.binarySearch(hourStarts, start);
        for (h = h >= 0 ? h : -h - 2; h < hourStarts.length && hourStarts[h] < until; h++) {
            long end = h + 1 < hourStarts.length ? hourStarts[h + 1] : to;
            long overlap = Math.min(end, until) - Math.max(hourStarts[h], start);
            hourObserved[h] += overlap;
            if (occupied) {
                hourOccupied[h] += overlap;
            }
        }
    }

    private UtilisationReport report(ReportRange range, ZoneId zone, List<BookingEvent> events) {
        silence(to);
        bays.values().forEach(bay -> credit(bay, to));
        long span = to - from;
        List<UtilisationReport.Bay> perBay = new ArrayList<>();
        long observed = 0;
        long occupied = 0;
        int arrivals = 0;
        int stays = 0;
        long stayMillis = 0;
        int observedBays = 0;
        for (Map.Entry<Integer, BayTime> e : bays.entrySet()) {
            BayTime bay = e.getValue();
            perBay.add(new UtilisationReport.Bay(e.getKey(), share(bay.observed, span), share(bay.occupied, bay.observed),
                    bay.arrivals, mean(bay.stayMillis, bay.stays)));
            observed += bay.observed;
            occupied += bay.occupied;
            arrivals += bay.arrivals;
            stays += bay.stays;
            stayMillis += bay.stayMillis;
            observedBays += bay.observed > 0 ? 1 : 0;
        }
        List<UtilisationReport.Hour> perHour = new ArrayList<>();
        for (int h = 0; h < hourStarts.length; h++) {
            long length = (h + 1 < hourStarts.length ? hourStarts[h + 1] : to) - hourStarts[h];
            perHour.add(new UtilisationReport.Hour(Instant.ofEpochMilli(hourStarts[h]),
                    share(hourObserved[h], length * (long) bays.size()), share(hourOccupied[h], hourObserved[h]),
                    (double) hourOccupied[h] / length));
        }
        double days = span / DAY_MILLIS;
        double turnover = observedBays == 0 ? 0 : arrivals / (observedBays * days);
        return new UtilisationReport(range.from(), range.to(), zone, share(observed, span * (long) bays.size()),
                share(occupied, observed), arrivals, turnover, mean(stayMillis, stays), stays, peak, perBay, perHour,
                bookings(events));
    }

    private static UtilisationReport.Bookings bookings(List<BookingEvent> events) {
        int[] counts = new int[BookingEvent.Kind.values().length];
        events.forEach(e -> counts[e.kind().ordinal()]++);
        return new UtilisationReport.Bookings(counts[BookingEvent.Kind.BOOKED.ordinal()],
                counts[BookingEvent.Kind.ARRIVED.ordinal()], counts[BookingEvent.Kind.NO_SHOW.ordinal()],
                counts[BookingEvent.Kind.CANCELLED.ordinal()], counts[BookingEvent.Kind.VOIDED.ordinal()],
                counts[BookingEvent.Kind.ALERT.ordinal()]);
    }

    private static double share(long part, long whole) {
        return whole <= 0 ? 0 : (double) part / whole;
    }

    private static Duration mean(long millis, int count) {
        return count == 0 ? null : Duration.ofMillis(millis / count);
    }
}
