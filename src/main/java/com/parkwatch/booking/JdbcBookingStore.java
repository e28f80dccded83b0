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

/**
 * Bookings in SQLite (one file, WAL) or PostgreSQL (several kiosks sharing one lot), through plain JDBC.
 *
 * <p>Every booking is a row of {@code bookings}. While it is active its spot also has a row in {@code spot_holds},
 * whose primary key is the spot: that key is what makes "one active booking per spot" hold, whatever the number of
 * processes. Expired holds are swept inside the transaction that books, so a booking ends by itself.
 */
public final class JdbcBookingStore implements BookingStore {

    /** Schema versions in order; each runs once, recorded in schema_version. */
    private static final String[][] MIGRATIONS = {
            {
                    "CREATE TABLE bookings (code VARCHAR(16) PRIMARY KEY, spot INTEGER NOT NULL,"
                            + " plate VARCHAR(16) NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,"
                            + " cancelled_at BIGINT)",
                    "CREATE TABLE spot_holds (spot INTEGER PRIMARY KEY, code VARCHAR(16) NOT NULL REFERENCES bookings(code),"
                            + " ends_at BIGINT NOT NULL)",
            },
    };

    private final String url;
    private final boolean sqlite;

    private JdbcBookingStore(String url) {
        this.url = url;
        this.sqlite = url.startsWith("jdbc:sqlite:");
    }

    /** Opens (creating and migrating as needed) the database at a JDBC URL. */
    public static JdbcBookingStore open(String url) {
        JdbcBookingStore store = new JdbcBookingStore(url);
        store.migrate();
        return store;
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        if (sqlite) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 2000");
                s.execute("PRAGMA foreign_keys = ON");
            }
        }
        return c;
    }

    private void migrate() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            if (sqlite) {
                s.execute("PRAGMA journal_mode = WAL");
            }
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (r.next()) {
                    version = r.getInt(1);
                }
            }
            c.setAutoCommit(false);
            for (int v = version; v < MIGRATIONS.length; v++) {
                for (String sql : MIGRATIONS[v]) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO schema_version (version) VALUES (" + (v + 1) + ")");
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreUnavailable("cannot open the booking database " + url + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean insert(Booking b, Instant now) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                exec(c, "DELETE FROM spot_holds WHERE spot = ? AND ends_at <= ?", b.spot(), now.toEpochMilli());
                exec(c, "INSERT INTO bookings (code, spot, plate, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)",
                        b.code(), b.spot(), b.plate(), b.start().toEpochMilli(), b.end().toEpochMilli());
                exec(c, "INSERT INTO spot_holds (spot, code, ends_at) VALUES (?, ?, ?)", b.spot(), b.code(),
                        b.end().toEpochMilli());
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
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            int released = exec(c, "DELETE FROM spot_holds WHERE code = ? AND ends_at > ?", code, now.toEpochMilli());
            if (released == 1) {
                exec(c, "UPDATE bookings SET cancelled_at = ? WHERE code = ?", now.toEpochMilli(), code);
            }
            c.commit();
            return released == 1;
        } catch (SQLException e) {
            throw new StoreUnavailable("the booking database failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Booking> active(Instant now) {
        return query("SELECT b.code, b.spot, b.plate, b.starts_at, b.ends_at FROM bookings b"
                + " JOIN spot_holds h ON h.code = b.code WHERE h.ends_at > ? ORDER BY b.spot", now.toEpochMilli());
    }

    @Override
    public Optional<Booking> find(String code) {
        return query("SELECT code, spot, plate, starts_at, ends_at FROM bookings WHERE code = ?", code)
                .stream().findFirst();
    }

    private List<Booking> query(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement p = prepare(c, sql, args); ResultSet r = p.executeQuery()) {
            List<Booking> out = new ArrayList<>();
            while (r.next()) {
                out.add(new Booking(r.getString(1), r.getInt(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
                        Instant.ofEpochMilli(r.getLong(5))));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreUnavailable("the booking database failed: " + e.getMessage(), e);
        }
    }

    private static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, args)) {
            return p.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
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
