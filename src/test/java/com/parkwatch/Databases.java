package com.parkwatch;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Real databases for tests: a SQLite file, and the PostgreSQL server that .ci/postgres.sh starts. */
public final class Databases {

    private Databases() {
    }

    public static String sqlite(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("bookings.db");
    }

    /**
     * The test PostgreSQL, emptied. In CI ({@code CI=true}) it must be there; elsewhere the test is skipped when
     * {@code PARKWATCH_TEST_POSTGRES_URL} is not set.
     */
    public static String postgres() throws SQLException {
        String url = System.getenv("PARKWATCH_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI must provide PostgreSQL: .ci/run sets PARKWATCH_TEST_POSTGRES_URL");
            }
            Assumptions.abort("PARKWATCH_TEST_POSTGRES_URL is not set (run .ci/postgres.sh); skipped outside CI");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS spot_holds, bookings, closed_spots, alerts, schema_version, spot_history,"
                    + " lot_history, booking_events");
        }
        return url;
    }
}
