package com.parkwatch.booking;

import com.parkwatch.Databases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Two lots in one SQLite file. */
class SqliteSeveralLotsTest extends SeveralLotsContract {

    @TempDir
    Path dir;

    @Override
    String url() {
        return Databases.sqlite(dir);
    }
}
