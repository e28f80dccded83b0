package com.parkwatch.watch;

import com.parkwatch.Closing;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.vision.track.EngineCounters;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.ui.LotViewModel;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.Verdict;
import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.VideoSink;
import com.parkwatch.web.WebServer;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static com.parkwatch.watch.LotHttp.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real network camera: the simulated lot encoded by FFmpeg and served over HTTP at its own pace, watched through
 * FFmpeg's HTTP client by the real engine, with the real web server in front. The camera is killed, restarted, and
 * absent at start; every output must say when the lot is blind, and the lot must come back by itself.
 */
class StreamOutageTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;
    private static final int FRAME_RATE = 10;
    private static final int SECONDS = 60;

    @TempDir
    Path dir;
    private Path clip;
    private Camera camera;
    private JdbcBookingStore store;
    private LotWatch watch;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void recordTheClip() throws Exception {
        OpenCv.load();
        clip = dir.resolve("camera.mp4");
        Mat small = new Mat();
        try (SimulatedLot sim = new SimulatedLot(3);
             VideoSink sink = new VideoSink(clip, WIDTH, HEIGHT, FRAME_RATE)) {
            for (int i = 0; i < SECONDS * FRAME_RATE; i++) {
                // Every third frame of the 30 fps lot: a minute of it at 10 frames a second.
                sim.next();
                sim.next();
                Imgproc.resize(sim.next(), small, new Size(WIDTH, HEIGHT), 0, 0, Imgproc.INTER_AREA);
                small.copyTo(sink.canvas());
                sink.write();
            }
        }
        small.release();
        try (ServerSocket free = new ServerSocket(0)) {
            camera = new Camera(free.getLocalPort(), Files.readAllBytes(clip));
        }
    }

    @AfterEach
    void stop() throws Exception {
        Closing.inOrder(web, watch, store);
        camera.stop();
    }

    private void watchTheCamera() throws Exception {
        Layout lot;
        try (SimulatedLot sim = new SimulatedLot(3)) {
            lot = sim.ownLayout().orElseThrow().fittedTo(WIDTH, HEIGHT);
        }
        store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db"));
        WatchOptions.Layouts layouts = new WatchOptions.Layouts() {
            @Override
            public Layout fittedTo(FrameSource source) {
                return lot.fittedTo(source.width(), source.height());
            }

            @Override
            public Layout beforeSource() {
                return lot;
            }
        };
        // Every spot free: a booking is possible whenever the lot is live.
        watch = LotWatch.open(new WatchOptions(camera.url(), 1, RtspTransport.AUTO, layouts, crop -> new Verdict(Occupancy.FREE, 1),
                TrackerSettings.withStep(10), store, BookingRules.DEFAULT, new CorrectionFolder(dir.resolve("c")),
                Clock.systemUTC()));
        watch.start();
        web = new WebServer(watch.lot(), watch.bookings(), watch::latestJpeg, null, null).start("127.0.0.1", 0);
    }

    @Test
    void aCameraThatDropsMakesEveryOutputBlindAndComesBackByItself() throws Exception {
        camera.start();
        watchTheCamera();
        within(Duration.ofSeconds(20), () -> watch.lot().view().live(), "live from the camera");
        assertEquals(201, book(1).statusCode());

        camera.stop();
        Instant killed = Instant.now();
        within(Duration.ofSeconds(10), () -> !watch.lot().view().live(), "not live after the camera went");
        assertTrue(status().contains("\"live\":false"), status());
        HttpResponse<String> refused = book(2);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not watching"), refused.body());
        LotViewModel kiosk = new LotViewModel(watch.layout());
        kiosk.applyLot(watch.lot().view(), Instant.now());
        assertFalse(kiosk.liveProperty().get(), "the kiosk's view model");
        assertEquals("Availability unknown", kiosk.availableTextProperty().get());
        assertTrue(Duration.between(killed, Instant.now()).toSeconds() < 10);

        camera.start();
        within(Duration.ofSeconds(20), () -> watch.lot().view().live(), "live again after the camera came back");
        assertEquals(201, book(2).statusCode());
        assertEquals(1, watch.engineStarts(), "the engine itself never failed");
        assertEquals(1, watch.reconnects(), "the metrics count one loss of the camera");
        EngineCounters counted = watch.counters().get(0);
        assertTrue(counted.framesAnalysed() > 0 && counted.framesDecoded() >= counted.framesAnalysed(),
                "frames counted for the metrics");
    }

    @Test
    void aCameraUnreachableAtStartIsWaitedForAndTheLotStartsAnyway() throws Exception {
        watchTheCamera();
        assertFalse(watch.lot().view().live());
        within(Duration.ofSeconds(5), () -> watch.lot().view().source().state() == SourceHealth.State.RECONNECTING,
                "says it is reconnecting");
        assertTrue(status().contains("\"status\":\"reconnecting\""), status());
        assertEquals(503, book(1).statusCode());

        camera.start();
        within(Duration.ofSeconds(20), () -> watch.lot().view().live(), "live once the camera answers");
        assertEquals(201, book(1).statusCode());
    }

    @Test
    void aFileCutShortWhilePlayingEndsTheLotsLivenessAndSaysWhy() throws Exception {
        Path playing = dir.resolve("playing.mp4");
        Files.copy(clip, playing);
        camera = new Camera(0, new byte[0]) {
            @Override
            String url() {
                return playing.toString();
            }
        };
        watchTheCamera();
        within(Duration.ofSeconds(20), () -> watch.lot().view().live(), "live from the file");
        try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(playing,
                java.nio.file.StandardOpenOption.WRITE)) {
            file.truncate(Files.size(playing) / 4);
        }
        within(Duration.ofSeconds(30), () -> !watch.lot().view().live(), "not live once the file is cut");
        SourceHealth health = watch.lot().view().source();
        assertTrue(health.state() == SourceHealth.State.ENDED || health.state() == SourceHealth.State.FAILED,
                health.describe());
        assertTrue(health.reason().contains("shorter than its header says") || health.reason().contains("failed"),
                health.describe());
        assertEquals(503, book(1).statusCode());
    }

    private String status() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/parking_status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> book(int spot) throws Exception {
        return LotHttp.book(http, base(), spot);
    }

    private String base() {
        return "http://127.0.0.1:" + web.port();
    }


    /** An HTTP camera: the clip sent at its own pace to each viewer; stopping it cuts every viewer off. */
    private static class Camera {
        private final int port;
        private final byte[] clip;
        private final Set<OutputStream> viewers = ConcurrentHashMap.newKeySet();
        private HttpServer server;

        Camera(int port, byte[] clip) {
            this.port = port;
            this.clip = clip;
        }

        String url() {
            return "http://127.0.0.1:" + port + "/live.mp4";
        }

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/live.mp4", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "video/mp4");
                exchange.sendResponseHeaders(200, clip.length);
                OutputStream out = exchange.getResponseBody();
                viewers.add(out);
                int perTenth = Math.max(1, clip.length / (SECONDS * 10));
                try {
                    for (int at = 0; at < clip.length; at += perTenth) {
                        out.write(clip, at, Math.min(perTenth, clip.length - at));
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException cutOff) {
                    // The camera was stopped, or the viewer left.
                } finally {
                    viewers.remove(out);
                    exchange.close();
                }
            });
            server.start();
        }

        void stop() {
            if (server == null) {
                return;
            }
            server.stop(0);
            for (OutputStream viewer : viewers) {
                try {
                    viewer.close();
                } catch (IOException ignored) {
                    // Already gone.
                }
            }
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }
}
