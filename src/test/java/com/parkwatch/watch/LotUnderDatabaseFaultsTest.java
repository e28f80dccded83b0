package com.parkwatch.watch;

import com.parkwatch.Closing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotView;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated lot served for real, on a real SQLite file, while the booking database fails as an operator saw it
 * fail: locked against readers, on a read-only file system, on a full disk. The lot's state is served throughout,
 * bookings are refused in words, no thread dies, and everything comes back when the database does.
 */
class LotUnderDatabaseFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private JdbcBookingStore store;
    private LotWatch watch;
    private WebServer web;
    private Path mounted;

    private void serve(Path dataDir) throws Exception {
        store = JdbcBookingStore.open("jdbc:sqlite:" + dataDir.resolve("bookings.db"));
        watch = LotWatch.open(new WatchOptions("sim:5", 1, RtspTransport.AUTO, new SimulatedLotLayouts(),
                SvmClassifier.loadDefault(), TrackerSettings.withStep(30), store, BookingRules.DEFAULT,
                new CorrectionFolder(dir.resolve("corrections")), Clock.systemUTC()));
        watch.start();
        web = new WebServer(watch.lot(), watch.bookings(), watch::latestJpeg, null, null).start("127.0.0.1", 0);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!watch.lot().view().live() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertTrue(watch.lot().view().live(), "the simulated lot is live");
    }

    @AfterEach
    void stop() throws Exception {
        Closing.inOrder(web, watch, store);
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void aDatabaseLockedAgainstReadersFor20SecondsStopsBookingsOnly() throws Exception {
        serve(dir);
        String db = "jdbc:sqlite:" + dir.resolve("bookings.db");
        try (Connection locker = DriverManager.getConnection(db); Statement s = locker.createStatement()) {
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("CREATE TABLE held_by_the_test (x INTEGER)");
            HttpResponse<String> refused = book();
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(JSON.readTree(refused.body()).get("error").asText().contains("bookings are unavailable"));
            statusAnswersThroughout(Duration.ofSeconds(20));
            s.execute("ROLLBACK");
        }
        theLotGoesOnAndBookingsComeBack();
    }

    @Test
    void aReadOnlyDataDirectoryStopsBookingsOnly() throws Exception {
        Path data = mountSmallDisk();
        serve(data);
        run("mount", "-o", "remount,ro", data.toString());
        HttpResponse<String> refused = book();
        assertEquals(503, refused.statusCode(), refused.body());
        statusAnswersThroughout(Duration.ofSeconds(6));
        run("mount", "-o", "remount,rw", data.toString());
        theLotGoesOnAndBookingsComeBack();
    }

    @Test
    void aFullDiskStopsBookingsOnly() throws Exception {
        Path data = mountSmallDisk();
        serve(data);
        Path filler = data.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // No space left on the device: that is the point.
        }
        HttpResponse<String> refused = book();
        assertEquals(503, refused.statusCode(), refused.body());
        statusAnswersThroughout(Duration.ofSeconds(6));
        Files.delete(filler);
        theLotGoesOnAndBookingsComeBack();
    }

    /** A 2 MB file system of its own for the data directory (root only; CI runs as root). */
    private Path mountSmallDisk() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        int code = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", data.toString())
                .redirectErrorStream(true).start().waitFor();
        if (code != 0) {
            String message = "cannot mount a small file system here (mount needs root)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI runs as root and must");
            }
            Assumptions.abort(message + "; skipped");
        }
        mounted = data;
        return data;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }

    private void statusAnswersThroughout(Duration span) throws Exception {
        long until = System.nanoTime() + span.toNanos();
        int answered = 0;
        while (System.nanoTime() < until) {
            long asked = System.nanoTime();
            HttpResponse<String> r = get("/parking_status");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(System.nanoTime() - asked < Duration.ofSeconds(1).toNanos(), "the status took over a second");
            assertTrue(JSON.readTree(r.body()).get("live").asBoolean(), "the lot stays live: " + r.body());
            answered++;
            Thread.sleep(250);
        }
        assertTrue(answered > 0);
    }

    /** The engine was never restarted, the states keep changing, and a booking goes through again. */
    private void theLotGoesOnAndBookingsComeBack() throws Exception {
        Map<Integer, Occupancy> before = occupancy(watch.lot().view());
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (occupancy(watch.lot().view()).equals(before) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertTrue(!occupancy(watch.lot().view()).equals(before), "the simulated lot's states change again");
        assertEquals(1, watch.engineStarts(), "the engine never failed");
        HttpResponse<String> booked = book();
        assertEquals(201, booked.statusCode(), booked.body());
    }

    private static Map<Integer, Occupancy> occupancy(LotView view) {
        return view.spots().stream().collect(Collectors.toMap(SpotView::id, SpotView::occupancy));
    }

    private HttpResponse<String> book() throws Exception {
        JsonNode status = JSON.readTree(get("/parking_status").body());
        List<Integer> free = JSON.convertValue(status.get("free_spots"), JSON.getTypeFactory()
                .constructCollectionType(List.class, Integer.class));
        assertTrue(!free.isEmpty(), "a free spot to book: " + status);
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/bookings"))
                .header("Content-Type", "application/json").header("Origin", base()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"spot\":" + free.get(0) + ",\"plate\":\"AB " + free.get(0)
                        + "\",\"minutes\":30}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + web.port();
    }
}
