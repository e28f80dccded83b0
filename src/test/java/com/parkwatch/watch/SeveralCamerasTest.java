package com.parkwatch.watch;

import com.parkwatch.Closing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.SharedData;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.vision.FrameSources;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.layout.LayoutLoader;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.vision.video.VideoSink;
import com.parkwatch.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.parkwatch.watch.LotHttp.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several cameras, one lot: real video through the real decoder on two engine threads, the real web server and a
 * real HTTP client. The spots are numbered across the cameras, and a camera that stops takes only its own spots out
 * of what the lot offers.
 */
class SeveralCamerasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private JdbcBookingStore store;
    private LotWatch watch;
    private WebServer web;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        Closing.inOrder(web, watch, store);
    }

    @Test
    void theSimulatedLotTwiceIsOneLotNumberedAcrossItsCameras() throws Exception {
        OpenCv.load();
        watch(List.of(new WatchOptions.Camera("sim", new SimulatedLotLayouts(), SvmClassifier.loadDefault()),
                new WatchOptions.Camera("sim:7", new SimulatedLotLayouts(), SvmClassifier.loadDefault())), 1);
        int perCamera = watch.camera(1).layout().size();
        within(Duration.ofSeconds(30), () -> watch.lot().view().cameras().stream().allMatch(c -> c.live()),
                "both cameras live");
        JsonNode spots = get("/api/spots");
        assertNumberedAcross(spots, perCamera, 2);
        JsonNode cameras = spots.get("cameras");
        assertEquals(2, cameras.size());
        assertEquals(2, cameras.get(1).get("camera").asInt());
        assertTrue(cameras.get(1).get("live").asBoolean());
        assertEquals("live", cameras.get(1).get("status").asText());
        assertFalse(cameras.get(1).get("updated").isNull());
        within(Duration.ofSeconds(10), () -> watch.camera(2).latestJpeg() != null, "camera 2's picture");

        HttpResponse<byte[]> second = http.send(HttpRequest.newBuilder(URI.create(base() + "/snapshot.jpg?camera=2")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, second.statusCode());
        assertEquals("image/jpeg", second.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> third = http.send(HttpRequest.newBuilder(URI.create(base() + "/snapshot.jpg?camera=3")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, third.statusCode());
        assertTrue(JSON.readTree(third.body()).get("error").asText().contains("no camera 3"), third.body());
        assertEquals(2, watch.counters().size(), "the metrics count each camera's engine");
        assertTrue(watch.counters().stream().allMatch(c -> c.framesAnalysed() > 0), "both engines analysed frames");
    }

    @Test
    void theTutorialClipTwiceIsOneLotOf28AndACameraThatStopsTakesOnlyItsOwnBays() throws Exception {
        Path clip = SharedData.require("tutorial-crop/parking_crop.mp4");
        Path mask = SharedData.require("tutorial-crop/mask_crop.png");
        OpenCv.load();
        // Camera 2 watches the first two seconds of the same clip: it ends while camera 1 goes on.
        Path shortClip = firstFrames(clip, 60);
        watch(List.of(new WatchOptions.Camera(clip.toString(), maskLayouts(mask), SvmClassifier.loadDefault()),
                new WatchOptions.Camera(shortClip.toString(), maskLayouts(mask), SvmClassifier.loadDefault())), 1);

        within(Duration.ofSeconds(20), () -> watch.lot().view().cameras().stream().allMatch(c -> c.live()),
                "both cameras live");
        JsonNode both = get("/api/spots");
        assertNumberedAcross(both, 14, 2);
        assertEquals(28, get("/parking_status").get("total").asInt());

        within(Duration.ofSeconds(20), () -> !watch.lot().view().cameras().get(1).live(), "camera 2 ended");
        JsonNode status = get("/parking_status");
        assertTrue(status.get("live").asBoolean(), "camera 1 still watches: " + status);
        JsonNode second = status.get("cameras").get(1);
        assertFalse(second.get("live").asBoolean());
        assertEquals("ended", second.get("status").asText());
        assertTrue(status.get("cameras").get(0).get("live").asBoolean());
        assertTrue(status.get("source").get("reason").asText().contains("camera 2 is not live"), status.toString());
        int free = 0;
        for (JsonNode id : status.get("free_spots")) {
            assertTrue(id.asInt() <= 14, "only camera 1's spots are offered: " + status.get("free_spots"));
            free++;
        }
        assertEquals(free, status.get("free").asInt());
        JsonNode spots = get("/api/spots").get("spots");
        int unknown = 0;
        int cameraOneFree = 0;
        for (JsonNode spot : spots) {
            if (spot.get("camera").asInt() == 2) {
                assertEquals("unknown", spot.get("state").asText(), "camera 2's spots are not current: " + spot);
                unknown++;
            } else if (spot.get("state").asText().equals("free")) {
                cameraOneFree++;
            }
        }
        assertEquals(14, unknown);
        assertEquals(cameraOneFree, free);
        assertTrue(cameraOneFree > 0, "the tutorial's row has free bays: " + spots);

        HttpResponse<String> refused = book(20);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("camera 2 is not live"), refused.body());
        int offered = status.get("free_spots").get(0).asInt();
        assertEquals(201, book(offered).statusCode(), "camera 1's free spot " + offered + " is booked");
    }

    private void watch(List<WatchOptions.Camera> cameras, int loopCount) throws Exception {
        store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db"));
        watch = LotWatch.open(new WatchOptions(cameras, loopCount, RtspTransport.AUTO, TrackerSettings.withStep(10),
                store, BookingRules.DEFAULT, new CorrectionFolder(dir.resolve("corrections")), Clock.systemUTC()));
        watch.start();
        web = new WebServer(watch.lot(), watch.bookings(), camera -> watch.camera(camera).latestJpeg(), null, null)
                .start("127.0.0.1", 0);
    }

    private static void assertNumberedAcross(JsonNode body, int perCamera, int cameras) {
        JsonNode spots = body.get("spots");
        assertEquals(perCamera * cameras, spots.size());
        Set<Integer> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (JsonNode spot : spots) {
            int id = spot.get("id").asInt();
            ids.add(id);
            labels.add(spot.get("label").asText());
            assertEquals((id - 1) / perCamera + 1, spot.get("camera").asInt(), "spot " + id + "'s camera");
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= perCamera * cameras; i++) {
            expected.add(i);
        }
        assertEquals(Set.copyOf(expected), ids);
        assertEquals(perCamera * cameras, labels.size(), "labels unique: " + labels);
    }

    private static WatchOptions.Layouts maskLayouts(Path mask) {
        return new WatchOptions.Layouts() {
            @Override
            public Layout fittedTo(FrameSource source) {
                return LayoutLoader.read(mask, source.width(), source.height()).fittedTo(source.width(), source.height());
            }

            @Override
            public Layout beforeSource() {
                return LayoutLoader.read(mask, 0, 0);
            }
        };
    }

    /** The clip's first frames, decoded and encoded again: a real file that ends soon. */
    private Path firstFrames(Path clip, int frames) throws Exception {
        Path out = dir.resolve("short.mp4");
        try (FrameSource source = FrameSources.open(clip.toString(), 1, status -> { });
             VideoSink sink = new VideoSink(out, source.width(), source.height(), source.frameRate())) {
            for (int i = 0; i < frames; i++) {
                source.next().copyTo(sink.canvas());
                sink.write();
            }
        }
        return out;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> book(int spot) throws Exception {
        return LotHttp.book(http, base(), spot);
    }

    private String base() {
        return "http://127.0.0.1:" + web.port();
    }
}
