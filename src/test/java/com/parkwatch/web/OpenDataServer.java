package com.parkwatch.web;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;
import com.parkwatch.publish.LotIdentity;
import com.parkwatch.publish.LotMetrics;
import com.parkwatch.publish.EngineReadings;
import com.parkwatch.watch.LotWatch;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lot of four bays (labelled A1..A4; A1 accessible, A2 charging, A4 staff only) with the real server and every
 * route the app adds: open data, metrics (with their own token), HTTP timing.
 */
final class OpenDataServer implements AutoCloseable {

    final Layout layout;
    final LiveLot lot;
    final BookingService bookings;
    final WebServer server;
    final String base;
    final String metricsToken;
    final String operatorToken;
    final HttpClient http = HttpClient.newHttpClient();
    final JdbcBookingStore store;
    /** Held: the metrics read it weakly. */
    final EngineReadings engine = new EngineReadings() {
        @Override
        public long framesDecoded() {
            return 300;
        }

        @Override
        public long framesAnalysed() {
            return 10;
        }

        @Override
        public long analysisNanos() {
            return 50_000_000;
        }

        @Override
        public long reconnects() {
            return 1;
        }
    };

    OpenDataServer(Path dir, LotIdentity identity, Occupancy... states) {
        List<Spot> spots = new ArrayList<>();
        List<Set<BayType>> types = List.of(Set.of(BayType.ACCESSIBLE), Set.of(BayType.EV_CHARGING), Set.of(),
                Set.of(BayType.STAFF_ONLY));
        for (int i = 0; i < states.length; i++) {
            spots.add(Spot.ofBox(i + 1, new Box(10 + 70 * i, 10, 60, 120)).described("A" + (i + 1), "North", types.get(i % 4)));
        }
        layout = new Layout(1280, 720, spots);
        lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
        set(states);
        lot.health(SourceHealth.live());
        store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db"));
        bookings = LotWatch.bookingsFor(lot, store, Clock.systemUTC(), BookingRules.DEFAULT);
        try {
            OperatorToken operator = OperatorToken.readOrCreate(dir.resolve("operator-token"));
            operatorToken = Files.readString(dir.resolve("operator-token")).strip();
            OperatorToken metrics = OperatorToken.readOrCreate(dir.resolve("metrics-token"));
            metricsToken = Files.readString(dir.resolve("metrics-token")).strip();
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            LotMetrics.bind(registry, lot, engine);
            server = new WebServer(lot, bookings, () -> new byte[]{(byte) 0xFF, (byte) 0xD8}, operator, null)
                    .add(new NgsiLdApi(lot, identity))
                    .add(new ParkApi(lot, identity, Clock.systemUTC()))
                    .add(new MetricsRoute(registry, metrics))
                    .add(new HttpMetrics(registry))
                    .start("127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://127.0.0.1:" + server.port();
    }

    void set(Occupancy... states) {
        List<SpotStatus> statuses = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            statuses.add(new SpotStatus(layout.spots().get(i), states[i], 0.9, 0));
        }
        lot.publish(new LotSnapshot(0, 0, statuses));
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
