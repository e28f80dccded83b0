package com.parkwatch.booking;

import com.parkwatch.Databases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteHistoryStoreTest extends HistoryStoreContract {

    @TempDir
    Path dir;

    @Override
    String url() {
        return Databases.sqlite(dir);
    }
}
