package com.parkwatch.booking;

import com.parkwatch.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two lots in one SQLite file. */
class SqliteSeveralLotsTest extends SeveralLotsContract {

    /** Boxes opening a new file at once lost the race to switch its journal about one time in four. */
    private static final int NEW_FILES = 30;

    @TempDir
    Path dir;

    @Override
    String url() {
        return Databases.sqlite(dir);
    }

    @Test
    void fourBoxesOpeningANewFileAtOnceEachOpenIt() throws Exception {
        ExecutorService boxes = Executors.newFixedThreadPool(4);
        try {
            for (int file = 0; file < NEW_FILES; file++) {
                String url = Databases.sqlite(Files.createDirectory(dir.resolve("file" + file)));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JdbcBookingStore>> opened = new ArrayList<>();
                for (String lot : List.of("north", "south", "east", "west")) {
                    opened.add(boxes.submit(() -> {
                        go.await();
                        return JdbcBookingStore.open(url, lot);
                    }));
                }
                go.countDown();
                for (Future<JdbcBookingStore> box : opened) {
                    assertEquals(0, box.get().active(Instant.EPOCH).size());
                }
            }
        } finally {
            boxes.shutdownNow();
        }
    }
}
