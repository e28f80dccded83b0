package com.parkwatch.web;

import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small lot whose states the test sets, with real bookings in a SQLite file and the real server on it. */
final class TestLot implements AutoCloseable {

    final Layout layout;
    final LiveLot lot;
    final BookingService bookings;
    final WebServer server;
    final String base;
    /** The operator's token, in the test's directory. */
    final String operatorToken;

    TestLot(Path dir, Occupancy... states) {
        this(dir, BookingRules.DEFAULT, states);
    }

    TestLot(Path dir, BookingRules rules, Occupancy... states) {
        this(dir, rules, null, states);
    }

    /** Answering HTTPS with {@code tls}, when given. */
    TestLot(Path dir, BookingRules rules, Tls tls, Occupancy... states) {
        this(dir, rules, tls, inARow(states.length), states);
    }

    /** On a layout of its own, one state per spot. */
    TestLot(Path dir, BookingRules rules, Tls tls, Layout layout, Occupancy... states) {
        this.layout = layout;
        lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
        set(states);
        lot.health(SourceHealth.live());
        bookings = LotWatch.bookingsFor(lot, JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db")),
                Clock.systemUTC(), rules);
        try {
            Path tokenFile = dir.resolve("operator-token");
            OperatorToken token = OperatorToken.readOrCreate(tokenFile);
            operatorToken = Files.readString(tokenFile).strip();
            server = new WebServer(lot, bookings, () -> new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, token, tls)
                    .start("127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = (tls == null ? "http" : "https") + "://127.0.0.1:" + server.port();
    }

    /** Spots 60 x 120 side by side in one row of a 1280 x 720 frame. */
    private static Layout inARow(int spots) {
        List<Spot> row = new ArrayList<>();
        for (int i = 0; i < spots; i++) {
            row.add(Spot.ofBox(i + 1, new Box(10 + 70 * i, 10, 60, 120)));
        }
        return new Layout(1280, 720, row);
    }

    void set(Occupancy... states) {
        List<SpotStatus> statuses = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            statuses.add(new SpotStatus(layout.spots().get(i), states[i], 0.9, 0));
        }
        lot.publish(new LotSnapshot(0, 0, statuses));
    }

    @Override
    public void close() {
        server.close();
    }
}
