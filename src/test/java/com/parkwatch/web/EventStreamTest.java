package com.parkwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.SourceHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/events} through a real HTTP client against the running server. */
class EventStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Events> opened = new ArrayList<>();

    @TempDir
    Path dir;

    private TestLot lot;

    @BeforeEach
    void start() {
        lot = new TestLot(dir, FREE, OCCUPIED, FREE);
    }

    @AfterEach
    void stop() throws Exception {
        for (Events e : opened) {
            e.close();
        }
        lot.close();
    }

    /** One open stream: its {@code data:} lines, parsed, as they arrive. */
    private final class Events implements AutoCloseable {
        final BlockingQueue<JsonNode> data = new LinkedBlockingQueue<>();
        final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
        final InputStream body;

        Events(HttpResponse<InputStream> response) {
            body = response.body();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("data: ")) {
                            data.add(JSON.readTree(line.substring(6)));
                        } else if (line.startsWith(":")) {
                            comments.add(line);
                        }
                    }
                } catch (Exception closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        JsonNode next() throws InterruptedException {
            JsonNode event = data.poll(5, TimeUnit.SECONDS);
            assertNotNull(event, "an event within 5 s");
            return event;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    private HttpResponse<InputStream> request() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(lot.base + "/api/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private Events open() throws Exception {
        HttpResponse<InputStream> response = request();
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream;charset=utf-8",
                response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        Events events = new Events(response);
        opened.add(events);
        return events;
    }

    private static String states(JsonNode lot) {
        StringBuilder s = new StringBuilder();
        lot.get("spots").forEach(spot -> s.append(spot.get("state").asText()).append(' '));
        return s.toString().strip();
    }

    @Test
    void aPageHearsTheLotAtOnceAndEachChangeAfterAsTheObjectOfApiSpots() throws Exception {
        Events events = open();
        JsonNode first = events.next();
        assertEquals(JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(lot.base + "/api/spots")).build(),
                HttpResponse.BodyHandlers.ofString()).body()), first, "the same object /api/spots gives");
        assertTrue(first.get("live").asBoolean());
        assertEquals("free occupied free", states(first));

        lot.set(OCCUPIED, OCCUPIED, FREE);
        assertEquals("occupied occupied free", states(events.next()));

        lot.lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "the camera is unplugged", null));
        JsonNode blind = events.next();
        assertFalse(blind.get("live").asBoolean(), "a lot the camera stopped watching is pushed as not live");
        assertEquals("the camera is unplugged", blind.get("source").get("reason").asText());
    }

    @Test
    void aStormOfSamplesReachesAPageAsAtMostTwoEventsASecondEndingWithTheNewest() throws Exception {
        Events events = open();
        events.next();
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            lot.set(i % 2 == 0 ? OCCUPIED : FREE, OCCUPIED, FREE);
            Thread.sleep(5);
        }
        lot.set(OCCUPIED, OCCUPIED, OCCUPIED);
        double seconds = (System.nanoTime() - start) / 1e9 + 1.0;
        Thread.sleep(1500);
        List<JsonNode> got = new ArrayList<>();
        events.data.drainTo(got);
        assertFalse(got.isEmpty());
        assertTrue(got.size() <= 2 * seconds + 1, got.size() + " events in " + seconds + " s");
        assertEquals("occupied occupied occupied", states(got.get(got.size() - 1)), "the newest state arrives");
    }

    @Test
    void streamsBeyondTheCapAreRefusedInWordsAndAClosedPageFreesItsPlace() throws Exception {
        List<Events> mine = new ArrayList<>();
        for (int i = 0; i < WebServer.STREAMS_PER_ADDRESS; i++) {
            Events e = open();
            e.next();
            mine.add(e);
        }
        HttpResponse<InputStream> refused = request();
        assertEquals(503, refused.statusCode());
        String body = new String(refused.body().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(JSON.readTree(body).get("error").asText().contains("too many live pages"), body);

        for (Events e : mine) {
            e.close();
        }
        // The server finds a page gone when a write to it fails: changes are pushed until a place is free again.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<InputStream> again = request();
        for (int i = 0; again.statusCode() == 503 && System.nanoTime() < deadline; i++) {
            again.body().close();
            lot.set(i % 2 == 0 ? OCCUPIED : FREE, OCCUPIED, FREE);
            Thread.sleep(600);
            again = request();
        }
        assertEquals(200, again.statusCode(), "the closed pages' places are free again");
        again.body().close();
    }

    @Test
    void aQuietStreamGetsAHeartbeatSoThatProxiesKeepItOpen() throws Exception {
        lot.lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
        Events events = open();
        assertFalse(events.next().get("live").asBoolean());
        String beat = events.comments.poll(EventStream.HEARTBEAT.toSeconds() + 5, TimeUnit.SECONDS);
        assertEquals(": keep-alive", beat, "a comment within the heartbeat's period");
        assertTrue(events.data.isEmpty(), "nothing changed, so no event");
    }

    @Test
    void aRequestThatIsNotAnEventSourceIsToldWhatToAskFor() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lot.base + "/api/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(406, r.statusCode());
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("text/event-stream"), r.body());
    }
}
