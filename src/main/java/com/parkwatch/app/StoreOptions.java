package com.parkwatch.app;

import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.PrivateFiles;
import com.parkwatch.publish.LotIdentity;
import com.parkwatch.vision.classify.CorrectionFolder;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where bookings are kept: a SQLite file in the data directory, or a shared database by JDBC URL; and which lot's
 * rows are this process's, the one id the lot has everywhere (MQTT, Home Assistant, open data).
 */
final class StoreOptions {

    @Option(names = "--lot-id", paramLabel = "ID", defaultValue = JdbcBookingStore.DEFAULT_LOT,
            description = "The lot's id: its bookings and history in a shared --database, its MQTT topics, Home Assistant and NGSI-LD ids; letters, digits, '_', '-' (default: ${DEFAULT-VALUE}).")
    String lotId;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the booking database and the operators' corrections live (default: ~/.parkwatch).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "A shared database instead, e.g. jdbc:postgresql://host/parkwatch?user=u&password=p.")
    String database;

    /** The store, the data directory made first: with a shared database it still holds the tokens and corrections. */
    JdbcBookingStore open() throws IOException {
        Path dir = dataDir();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the data directory " + dir);
        }
        if (database != null) {
            return JdbcBookingStore.open(database, lotId());
        }
        try {
            // Plates and codes: the file is made owner-only before SQLite opens it; its WAL and shared memory
            // files take the database file's permissions.
            PrivateFiles.create(sqliteFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the booking database " + sqliteFile());
        }
        return JdbcBookingStore.open("jdbc:sqlite:" + sqliteFile(), lotId());
    }

    /** The lot's id, checked: it goes into topics and URNs as it is. */
    String lotId() {
        return LotIdentity.named(lotId).id();
    }

    /** Where the bookings are, for people: the SQLite file, or the shared database without its credentials. */
    String where() {
        return database != null ? database.replaceFirst("\\?.*", "") : sqliteFile().toString();
    }

    /** Where this kiosk's camera keeps the operators' corrections: in the data directory even with a shared database. */
    CorrectionFolder corrections() {
        return new CorrectionFolder(dataDir().resolve("corrections"));
    }

    Path dataDir() {
        return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".parkwatch");
    }

    private Path sqliteFile() {
        return dataDir().resolve("bookings.db");
    }
}
