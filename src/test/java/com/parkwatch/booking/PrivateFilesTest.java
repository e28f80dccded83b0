package com.parkwatch.booking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bookings database and its WAL are readable by their owner only, whatever the umask. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void theDatabaseItsWalAndItsSharedMemoryAreOwnerOnly() throws Exception {
        Path db = dir.resolve("bookings.db");
        PrivateFiles.create(db);
        JdbcBookingStore store = JdbcBookingStore.open("jdbc:sqlite:" + db);
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("INSERT INTO closed_spots (spot, closed_at) VALUES (1, 0)");
            assertEquals("rw-------", mode(db));
            assertEquals("rw-------", mode(dir.resolve("bookings.db-wal")));
            assertEquals("rw-------", mode(dir.resolve("bookings.db-shm")));
            s.execute("COMMIT");
        }
        store.close();
        PrivateFiles.create(db);
        assertEquals("rw-------", mode(db), "an existing file is left as it is");
    }
}
