package com.parkwatch.booking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Bookings in SQLite (one file, WAL) or PostgreSQL (several kiosks sharing one lot), through plain JDBC.
 *
 * <p>Every booking is a row of {@code bookings}. While it is active its spot also has a row in {@code spot_holds},
 * whose primary key is the spot: that key is what makes "one active booking per spot" hold, whatever the number of
 * processes. Expired holds are swept inside the transaction that books, so a booking ends by itself. Each
 * transition of a booking (made, arrived, cancelled, voided, released as a no-show) is a time in its row; closed bays
 * are rows of {@code closed_spots}, alerts rows of {@code alerts}. The history ({@link HistoryStore}): each
 * transition and alert is also a row of {@code booking_events}, written in its own transaction; the spots' and the
 * lot's changes are rows of {@code spot_history} and {@code lot_history}.
 *
 * <p>Several lots may share one database (boxes on one PostgreSQL): every row carries its lot's id, the holds' and the
 * closed bays' keys are the lot and the spot, and every query of a store reads and writes its own lot's rows only.
 *
 * <p>No request waits on the database for more than 2 s: SQLite's busy timeout, PostgreSQL's statement and lock
 * timeouts; past that the operation fails with {@link StoreUnavailable}.
 */
public final class JdbcBookingStore implements BookingStore {

    /** An id column counting up, in each database's words; replaced in the migrations when they run. */
    static final String SERIAL = "{serial}";
    /** The lot id of a process not told another one, and of the rows kept before several lots shared a database. */
    public static final String DEFAULT_LOT = SeveralLots.DEFAULT;
    /** Schema versions in order; each runs once, recorded in schema_version. */
    private static final String[][] MIGRATIONS = {
            {
                    "CREATE TABLE bookings (code VARCHAR(16) PRIMARY KEY, spot INTEGER NOT NULL,"
                            + " plate VARCHAR(16) NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,"
                            + " cancelled_at BIGINT)",
                    "CREATE TABLE spot_holds (spot INTEGER PRIMARY KEY, code VARCHAR(16) NOT NULL REFERENCES bookings(code),"
                            + " ends_at BIGINT NOT NULL)",
            },
            {
                    "ALTER TABLE bookings ADD COLUMN client VARCHAR(64)",
                    "ALTER TABLE bookings ADD COLUMN arrived_at BIGINT",
                    "ALTER TABLE bookings ADD COLUMN voided_at BIGINT",
                    "ALTER TABLE bookings ADD COLUMN released_at BIGINT",
                    "CREATE INDEX bookings_plate ON bookings (plate)",
                    "CREATE INDEX bookings_client ON bookings (client)",
                    "CREATE TABLE closed_spots (spot INTEGER PRIMARY KEY, closed_at BIGINT NOT NULL)",
                    "CREATE TABLE alerts (raised_at BIGINT NOT NULL, spot INTEGER NOT NULL, code VARCHAR(16),"
                            + " message VARCHAR(300) NOT NULL)",
            },
            JdbcHistory.TABLES,
            SeveralLots.MIGRATION,
    };
    /** How long a request may wait on the database. */
    private static final int WAIT_MILLIS = 2000;
    /** How long a migration may take, or wait for another process's: indexes on a long history take their time. */
    private static final int MIGRATION_MILLIS = 300_000;
    /** How long a process that lost the race to switch a new SQLite file's journal pauses, and tries again at most. */
    private static final long RACE_PAUSE_MILLIS = 10;
    private static final long RACE_MILLIS = 10_000;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_IOERR = 10;
    /** PostgreSQL's advisory lock that one migration at a time holds ("pwschema"). */
    private static final long MIGRATION_LOCK = 0x7077736368656d61L;
    private static final String RECORD_COLUMNS = "b.code, b.spot, b.plate, b.starts_at, b.ends_at, b.client,"
            + " b.arrived_at, b.cancelled_at, b.voided_at, b.released_at";
    /** The active bookings of a lot; its parameters are the lot and the time. */
    private static final String ACTIVE = " FROM bookings b JOIN spot_holds h ON h.code = b.code"
            + " WHERE h.lot = ? AND h.ends_at > ?";

    private final String url;
    private final String lot;
    private final boolean sqlite;
    private final JdbcHistory history = new JdbcHistory(this);

    private JdbcBookingStore(String url, String lot) {
        this.url = url;
        this.lot = lot;
        this.sqlite = url.startsWith("jdbc:sqlite:");
    }

    /** Opens (creating and migrating as needed) the database at a JDBC URL, for the lot {@link #DEFAULT_LOT}. */
    public static JdbcBookingStore open(String url) {
        return open(url, DEFAULT_LOT);
    }

    /** Opens (creating and migrating as needed) the database at a JDBC URL, for one lot's rows. */
    public static JdbcBookingStore open(String url, String lot) {
        JdbcBookingStore store = new JdbcBookingStore(url, lot);
        store.migrate();
        return store;
    }

    /** The lot whose rows this store reads and writes. */
    String lot() {
        return lot;
    }

    private Connection connect() throws SQLException {
        return connect(new Properties());
    }

    /**
     * A connection for a transaction that writes. SQLite: the transaction takes the write lock as it begins, waiting
     * out another writer within the busy timeout; one that read first and wrote second would fail at once, without
     * waiting, whenever another process wrote in between.
     */
    private Connection connectToWrite() throws SQLException {
        Properties writes = new Properties();
        if (sqlite) {
            writes.setProperty("transaction_mode", "IMMEDIATE");
        }
        return connect(writes);
    }

    private Connection connect(Properties properties) throws SQLException {
        Connection c = DriverManager.getConnection(url, properties);
        if (sqlite) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + WAIT_MILLIS);
                s.execute("PRAGMA foreign_keys = ON");
            }
        } else {
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = " + WAIT_MILLIS);
                s.execute("SET lock_timeout = " + WAIT_MILLIS);
            }
        }
        return c;
    }

    private void migrate() {
        if (sqlite) {
            useWriteAheadLog();
        }
        // SQLite: processes opening the file at once read its version one after the other (the write lock).
        try (Connection c = connectToWrite(); Statement s = c.createStatement()) {
            if (sqlite) {
                s.execute("PRAGMA busy_timeout = " + MIGRATION_MILLIS);
            } else {
                // Boxes sharing the database may start at once: one migrates, the others wait and find it done.
                s.execute("SET statement_timeout = " + MIGRATION_MILLIS);
                s.execute("SET lock_timeout = " + MIGRATION_MILLIS);
                s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            c.setAutoCommit(false);
            int version = 0;
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (r.next()) {
                    version = r.getInt(1);
                }
            }
            for (int v = version; v < MIGRATIONS.length; v++) {
                for (String sql : MIGRATIONS[v]) {
                    s.execute(sql.replace(SERIAL, sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY"));
                }
                s.execute("INSERT INTO schema_version (version) VALUES (" + (v + 1) + ")");
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreUnavailable("cannot open the booking database " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * SQLite: the file's journal becomes a write-ahead log, once for good. Processes opening a new file at once race to
     * switch it, and a loser fails at once, without waiting out the busy timeout: busy, or an I/O error on the rollback
     * journal another deleted. It tries again for a while (the race is over in milliseconds); any other failure, or
     * one that lasts, is the file's own.
     */
    private void useWriteAheadLog() {
        long deadline = System.nanoTime() + RACE_MILLIS * 1_000_000L;
        while (true) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + MIGRATION_MILLIS);
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                if (!lostTheRace(e) || System.nanoTime() > deadline) {
                    throw new StoreUnavailable("cannot open the booking database " + url + ": " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(RACE_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailable("interrupted while opening the booking database " + url, e);
            }
        }
    }

    /** SQLite's primary result codes BUSY and IOERR (deleting or reading a journal another connection removed). */
    private static boolean lostTheRace(SQLException e) {
        return e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_IOERR;
    }

    @Override
    public boolean insert(Booking b, String client, Instant now) {
        try (Connection c = connectToWrite()) {
            c.setAutoCommit(false);
            try {
                exec(c, "DELETE FROM spot_holds WHERE lot = ? AND spot = ? AND ends_at <= ?", lot, b.spot(),
                        now.toEpochMilli());
                exec(c, "INSERT INTO bookings (lot, code, spot, plate, starts_at, ends_at, client)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)", lot, b.code(), b.spot(), b.plate(),
                        b.start().toEpochMilli(), b.end().toEpochMilli(), client);
                exec(c, "INSERT INTO spot_holds (lot, spot, code, ends_at) VALUES (?, ?, ?, ?)", lot, b.spot(),
                        b.code(), b.end().toEpochMilli());
                event(c, now, b.code(), b.spot(), BookingEvent.Kind.BOOKED);
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailable("the booking database failed: " + e.getMessage(), e);
        }
    }

    /** A primary-key clash: SQLite's constraint error, PostgreSQL's SQLSTATE 23505. */
    private boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) || (sqlite && e.getErrorCode() == 19);
    }

    @Override
    public boolean cancel(String code, Instant now) {
        return end(code, "cancelled_at", BookingEvent.Kind.CANCELLED, now);
    }

    @Override
    public boolean extend(String code, Instant end, Instant newEnd, Instant now) {
        return transaction(c -> {
            int moved = exec(c, "UPDATE spot_holds SET ends_at = ? WHERE lot = ? AND code = ? AND ends_at = ?"
                    + " AND ends_at > ?", newEnd.toEpochMilli(), lot, code, end.toEpochMilli(), now.toEpochMilli());
            if (moved == 1) {
                exec(c, "UPDATE bookings SET ends_at = ? WHERE code = ?", newEnd.toEpochMilli(), code);
                List<String> spots = strings(c, "SELECT spot FROM spot_holds WHERE lot = ? AND code = ?", lot, code);
                event(c, now, code, Integer.parseInt(spots.get(0)), BookingEvent.Kind.EXTENDED);
            }
            return moved == 1;
        });
    }

    @Override
    public boolean voidBooking(String code, Instant now) {
        return end(code, "voided_at", BookingEvent.Kind.VOIDED, now);
    }

    /** Releases an active booking's hold and records when, in the column that says why. */
    private boolean end(String code, String column, BookingEvent.Kind kind, Instant now) {
        return transaction(c -> {
            List<String> spots = strings(c, "SELECT spot FROM spot_holds WHERE lot = ? AND code = ? AND ends_at > ?",
                    lot, code, now.toEpochMilli());
            int released = exec(c, "DELETE FROM spot_holds WHERE lot = ? AND code = ? AND ends_at > ?", lot, code,
                    now.toEpochMilli());
            if (released == 1) {
                exec(c, "UPDATE bookings SET " + column + " = ? WHERE code = ?", now.toEpochMilli(), code);
                event(c, now, code, Integer.parseInt(spots.get(0)), kind);
            }
            return released == 1;
        });
    }

    @Override
    public Optional<String> arrive(int spot, Instant now) {
        return transaction(c -> {
            List<String> codes = strings(c, "SELECT b.code" + ACTIVE + " AND h.spot = ? AND b.arrived_at IS NULL",
                    lot, now.toEpochMilli(), spot);
            for (String code : codes) {
                exec(c, "UPDATE bookings SET arrived_at = ? WHERE code = ?", now.toEpochMilli(), code);
                event(c, now, code, spot, BookingEvent.Kind.ARRIVED);
            }
            return codes.stream().findFirst();
        });
    }

    @Override
    public List<Booking> releaseNoShows(Instant startedBy, Instant now) {
        return transaction(c -> {
            List<Booking> late = bookings(records(c, "SELECT " + RECORD_COLUMNS + ACTIVE
                    + " AND b.arrived_at IS NULL AND b.starts_at <= ?", lot, now.toEpochMilli(),
                    startedBy.toEpochMilli()));
            for (Booking b : late) {
                exec(c, "DELETE FROM spot_holds WHERE code = ?", b.code());
                exec(c, "UPDATE bookings SET released_at = ? WHERE code = ?", now.toEpochMilli(), b.code());
                event(c, now, b.code(), b.spot(), BookingEvent.Kind.NO_SHOW);
            }
            return late;
        });
    }

    @Override
    public List<Booking> active(Instant now) {
        return bookings(read(c -> records(c, "SELECT " + RECORD_COLUMNS + ACTIVE + " ORDER BY b.spot", lot,
                now.toEpochMilli())));
    }

    @Override
    public int activeWithPlate(String plate, Instant now) {
        return read(c -> strings(c, "SELECT b.code" + ACTIVE + " AND b.plate = ?", lot, now.toEpochMilli(), plate)).size();
    }

    @Override
    public int activeFromClient(String client, Instant now) {
        return read(c -> strings(c, "SELECT b.code" + ACTIVE + " AND b.client = ?", lot, now.toEpochMilli(), client)).size();
    }

    @Override
    public Optional<Booking> find(String code) {
        return bookings(read(c -> records(c, "SELECT " + RECORD_COLUMNS + " FROM bookings b WHERE b.lot = ? AND b.code = ?",
                lot, code)))
                .stream().findFirst();
    }

    @Override
    public Optional<BookingRecord> holder(int spot, Instant now) {
        return read(c -> records(c, "SELECT " + RECORD_COLUMNS + ACTIVE + " AND h.spot = ?", lot, now.toEpochMilli(),
                spot))
                .stream().findFirst();
    }

    @Override
    public List<BookingRecord> since(Instant from) {
        return read(c -> records(c, "SELECT " + RECORD_COLUMNS + " FROM bookings b WHERE b.lot = ? AND b.ends_at > ?"
                + " ORDER BY b.starts_at DESC", lot, from.toEpochMilli()));
    }

    @Override
    public void setClosed(int spot, boolean closed, Instant now) {
        transaction(c -> {
            exec(c, "DELETE FROM closed_spots WHERE lot = ? AND spot = ?", lot, spot);
            if (closed) {
                exec(c, "INSERT INTO closed_spots (lot, spot, closed_at) VALUES (?, ?, ?)", lot, spot,
                        now.toEpochMilli());
            }
            return null;
        });
    }

    @Override
    public Set<Integer> closedSpots() {
        return read(c -> {
            Set<Integer> closed = new TreeSet<>();
            try (PreparedStatement p = prepare(c, "SELECT spot FROM closed_spots WHERE lot = ?", lot);
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    closed.add(r.getInt(1));
                }
            }
            return closed;
        });
    }

    @Override
    public void raise(Alert alert) {
        transaction(c -> {
            exec(c, "INSERT INTO alerts (lot, raised_at, spot, code, message) VALUES (?, ?, ?, ?, ?)",
                    lot, alert.raised().toEpochMilli(), alert.spot(), alert.code(), alert.message());
            return event(c, alert.raised(), alert.code(), alert.spot(), BookingEvent.Kind.ALERT);
        });
    }

    @Override
    public List<Alert> alerts(Instant from) {
        return read(c -> {
            List<Alert> out = new ArrayList<>();
            try (PreparedStatement p = prepare(c, "SELECT raised_at, spot, code, message FROM alerts WHERE lot = ?"
                    + " AND raised_at > ? ORDER BY raised_at DESC", lot, from.toEpochMilli()); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Alert(Instant.ofEpochMilli(r.getLong(1)), r.getInt(2), r.getString(3), r.getString(4)));
                }
            }
            return out;
        });
    }

    private int event(Connection c, Instant at, String code, int spot, BookingEvent.Kind kind) throws SQLException {
        return exec(c, "INSERT INTO booking_events (lot, at, code, spot, event) VALUES (?, ?, ?, ?, ?)", lot,
                at.toEpochMilli(), code, spot, kind.word());
    }

    @Override
    public void record(List<SpotChange> spots, List<LotChange> lot) {
        history.record(spots, lot);
    }

    @Override
    public void spotChanges(Instant from, Instant to, Consumer<SpotChange> each) {
        history.spotChanges(from, to, each);
    }

    @Override
    public List<LotChange> lotChanges(Instant from, Instant to) {
        return history.lotChanges(from, to);
    }

    @Override
    public List<BookingEvent> bookingEvents(Instant from, Instant to) {
        return history.bookingEvents(from, to);
    }

    @Override
    public int pruneHistory(Instant before) {
        return history.pruneHistory(before);
    }

    /** Work on one connection. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    <T> T read(Work<T> work) {
        try (Connection c = connect()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new StoreUnavailable("the booking database failed: " + e.getMessage(), e);
        }
    }

    /** The work in one transaction, committed when it returns and rolled back when it throws. */
    <T> T transaction(Work<T> work) {
        try (Connection c = connectToWrite()) {
            c.setAutoCommit(false);
            try {
                T result = work.on(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailable("the booking database failed: " + e.getMessage(), e);
        }
    }

    private static List<BookingRecord> records(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
            List<BookingRecord> out = new ArrayList<>();
            while (r.next()) {
                out.add(new BookingRecord(new Booking(r.getString(1), r.getInt(2), r.getString(3),
                        Instant.ofEpochMilli(r.getLong(4)), Instant.ofEpochMilli(r.getLong(5))), r.getString(6),
                        instant(r, 7), instant(r, 8), instant(r, 9), instant(r, 10)));
            }
            return out;
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static List<Booking> bookings(List<BookingRecord> records) {
        return records.stream().map(BookingRecord::booking).toList();
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        }
    }

    static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, args)) {
            return p.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
        return p;
    }

    @Override
    public void close() {
        // Connections are opened per operation; nothing is held open.
    }
}
