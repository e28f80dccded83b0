package com.parkwatch.booking;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.parkwatch.booking.JdbcBookingStore.exec;
import static com.parkwatch.booking.JdbcBookingStore.prepare;

/**
 * The history's tables in the booking database ({@link HistoryStore}), on the store's connections: the spots' and the
 * lot's changes, and the booking events the store writes with each transition.
 */
final class JdbcHistory {

    /** Schema version 3. */
    static final String[] TABLES = {
            // The history: ids keep the order of changes made in the same millisecond.
            "CREATE TABLE spot_history (id " + JdbcBookingStore.SERIAL + ", at BIGINT NOT NULL,"
                    + " spot INTEGER NOT NULL, state VARCHAR(12) NOT NULL, occupancy VARCHAR(12) NOT NULL)",
            "CREATE INDEX spot_history_at ON spot_history (at)",
            "CREATE TABLE lot_history (id " + JdbcBookingStore.SERIAL + ", at BIGINT NOT NULL, live INTEGER NOT NULL)",
            "CREATE INDEX lot_history_at ON lot_history (at)",
            "CREATE TABLE booking_events (id " + JdbcBookingStore.SERIAL + ", at BIGINT NOT NULL, code VARCHAR(16),"
                    + " spot INTEGER NOT NULL, event VARCHAR(12) NOT NULL)",
            "CREATE INDEX booking_events_at ON booking_events (at)",
            // The bookings and alerts kept so far become the start of the history.
            "INSERT INTO booking_events (at, code, spot, event) SELECT starts_at, code, spot, 'booked' FROM bookings",
            "INSERT INTO booking_events (at, code, spot, event) SELECT arrived_at, code, spot, 'arrived'"
                    + " FROM bookings WHERE arrived_at IS NOT NULL",
            "INSERT INTO booking_events (at, code, spot, event) SELECT cancelled_at, code, spot, 'cancelled'"
                    + " FROM bookings WHERE cancelled_at IS NOT NULL",
            "INSERT INTO booking_events (at, code, spot, event) SELECT voided_at, code, spot, 'voided'"
                    + " FROM bookings WHERE voided_at IS NOT NULL",
            "INSERT INTO booking_events (at, code, spot, event) SELECT released_at, code, spot, 'no-show'"
                    + " FROM bookings WHERE released_at IS NOT NULL",
            "INSERT INTO booking_events (at, code, spot, event) SELECT raised_at, code, spot, 'alert' FROM alerts",
    };

    private final JdbcBookingStore store;

    JdbcHistory(JdbcBookingStore store) {
        this.store = store;
    }

    void record(List<SpotChange> spots, List<LotChange> lot) {
        store.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO spot_history (lot, at, spot, state, occupancy) VALUES (?, ?, ?, ?, ?)")) {
                for (SpotChange change : spots) {
                    p.setString(1, store.lot());
                    p.setLong(2, change.at().toEpochMilli());
                    p.setInt(3, change.spot());
                    p.setString(4, change.state().name());
                    p.setString(5, change.occupancy().name());
                    p.addBatch();
                }
                p.executeBatch();
            }
            for (LotChange change : lot) {
                exec(c, "INSERT INTO lot_history (lot, at, live) VALUES (?, ?, ?)", store.lot(),
                        change.at().toEpochMilli(), change.live() ? 1 : 0);
            }
            return null;
        });
    }

    void spotChanges(Instant from, Instant to, Consumer<SpotChange> each) {
        store.read(c -> {
            // Streamed: PostgreSQL hands rows in batches only outside auto-commit.
            c.setAutoCommit(false);
            // Two selects, not one with OR, so that the range is read through the index on the time.
            try (PreparedStatement p = prepare(c, "SELECT at, spot, state, occupancy, id FROM spot_history"
                    + " WHERE id IN (SELECT MAX(id) FROM spot_history WHERE lot = ? AND at <= ? GROUP BY spot)"
                    + " UNION ALL SELECT at, spot, state, occupancy, id FROM spot_history"
                    + " WHERE lot = ? AND at > ? AND at < ? ORDER BY at, id", store.lot(), from.toEpochMilli(),
                    store.lot(), from.toEpochMilli(), to.toEpochMilli())) {
                p.setFetchSize(1000);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        each.accept(new SpotChange(Instant.ofEpochMilli(r.getLong(1)), r.getInt(2),
                                SpotState.valueOf(r.getString(3)), Occupancy.valueOf(r.getString(4))));
                    }
                }
            } finally {
                c.rollback();
            }
            return null;
        });
    }

    List<LotChange> lotChanges(Instant from, Instant to) {
        return store.read(c -> {
            List<LotChange> out = new ArrayList<>();
            try (PreparedStatement p = prepare(c, "SELECT at, live, id FROM lot_history"
                    + " WHERE id = (SELECT MAX(id) FROM lot_history WHERE lot = ? AND at <= ?)"
                    + " UNION ALL SELECT at, live, id FROM lot_history WHERE lot = ? AND at > ? AND at < ?"
                    + " ORDER BY at, id", store.lot(), from.toEpochMilli(), store.lot(), from.toEpochMilli(),
                    to.toEpochMilli());
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new LotChange(Instant.ofEpochMilli(r.getLong(1)), r.getInt(2) == 1));
                }
            }
            return out;
        });
    }

    List<BookingEvent> bookingEvents(Instant from, Instant to) {
        return store.read(c -> {
            List<BookingEvent> out = new ArrayList<>();
            try (PreparedStatement p = prepare(c, "SELECT at, code, spot, event FROM booking_events"
                    + " WHERE lot = ? AND at >= ? AND at < ? ORDER BY at, id", store.lot(), from.toEpochMilli(),
                    to.toEpochMilli());
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new BookingEvent(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getInt(3),
                            BookingEvent.Kind.of(r.getString(4))));
                }
            }
            return out;
        });
    }

    int pruneHistory(Instant before) {
        long cutoff = before.toEpochMilli();
        String lot = store.lot();
        return store.transaction(c -> exec(c, "DELETE FROM spot_history WHERE lot = ? AND at < ? AND id NOT IN"
                        + " (SELECT MAX(id) FROM spot_history WHERE lot = ? AND at < ? GROUP BY spot)", lot, cutoff, lot,
                        cutoff)
                + exec(c, "DELETE FROM lot_history WHERE lot = ? AND at < ?"
                        + " AND id <> (SELECT MAX(id) FROM lot_history WHERE lot = ? AND at < ?)", lot, cutoff, lot, cutoff)
                + exec(c, "DELETE FROM booking_events WHERE lot = ? AND at < ?", lot, cutoff));
    }
}
