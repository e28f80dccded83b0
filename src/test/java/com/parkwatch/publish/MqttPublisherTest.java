package com.parkwatch.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;
import com.parkwatch.watch.LotWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publisher against a real Mosquitto, read back by a real MQTT client as Home Assistant would. */
class MqttPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SOON = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final Layout layout = new Layout(640, 360, List.of(Spot.ofBox(1, new Box(10, 10, 60, 120)),
            Spot.ofBox(2, new Box(80, 10, 60, 120)), Spot.ofBox(3, new Box(150, 10, 60, 120))));
    private final LiveLot lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));

    @Test
    void homeAssistantFindsEveryBayAndTheStatesComeBackAfterTheBrokerRestarts() throws Exception {
        set(FREE, OCCUPIED, FREE);
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
             MqttPublisher publisher = new MqttPublisher(MqttSettings.of(broker.uri(), null, null),
                     LotIdentity.named("east"), lot).start(Optional.empty());
             Subscriber ha = new Subscriber(broker.uri())) {
            ha.await("parkwatch/east/availability", "online", SOON);
            ha.await("parkwatch/east/free", "2", SOON);

            JsonNode bay = JSON.readTree(ha.latest("homeassistant/binary_sensor/east_bay_2/config"));
            assertEquals("occupancy", bay.get("device_class").asText());
            assertEquals("parkwatch/east/bay/2/state", bay.get("state_topic").asText());
            assertEquals("parkwatch_east", bay.get("device").get("identifiers").get(0).asText());
            assertEquals("parkwatch/east/availability", bay.get("availability").get(0).get("topic").asText());
            JsonNode free = JSON.readTree(ha.latest("homeassistant/sensor/east_free/config"));
            assertEquals("parkwatch/east/free", free.get("state_topic").asText());
            assertEquals(bay.get("device"), free.get("device"), "every entity under one device for the lot");
            JsonNode camera = JSON.readTree(ha.latest("homeassistant/sensor/east_camera/config"));
            assertEquals("parkwatch/east/health", camera.get("state_topic").asText());
            assertTrue(camera.get("options").toString().contains("reconnecting"));

            assertEquals("occupied", ha.latest("parkwatch/east/bay/2/state"));
            assertEquals("free", ha.latest("parkwatch/east/bay/1/state"));
            assertEquals("0.90", ha.latest("parkwatch/east/bay/2/confidence"));
            assertFalse(ha.latest("parkwatch/east/bay/2/since").isEmpty());
            assertEquals("3", ha.latest("parkwatch/east/total"));
            assertEquals("true", ha.latest("parkwatch/east/live"));
            assertEquals("live", ha.latest("parkwatch/east/health"));
            assertEquals("live", ha.latest("parkwatch/east/camera/1/health"));
            assertNull(ha.latest("homeassistant/sensor/east_camera_1/config"), "one camera: one health sensor");

            // A sample changes one bay: only that bay is published again.
            ha.forget();
            set(FREE, FREE, FREE);
            ha.await("parkwatch/east/bay/2/state", "free", SOON);
            ha.await("parkwatch/east/free", "3", SOON);
            Thread.sleep(500);
            assertEquals(0, ha.count(m -> m.topic().startsWith("parkwatch/east/bay/1/")
                    || m.topic().startsWith("parkwatch/east/bay/3/")), "unchanged bays were published: " + ha.received());

            // The broker dies and loses every retained message; the lot changes meanwhile.
            broker.kill();
            set(OCCUPIED, FREE, FREE);
            ha.forget();
            broker.restart();
            ha.await("parkwatch/east/bay/1/state", "occupied", Duration.ofSeconds(30));
            ha.await("parkwatch/east/free", "2", SOON);
            ha.await("parkwatch/east/availability", "online", SOON);
            ha.await(SOON, "discovery published again", () -> ha.latest("homeassistant/binary_sensor/east_bay_3/config") != null);
            assertTrue(publisher.connections() >= 2);
        }
    }

    @Test
    void theCameraGoingBlindMakesTheLotNotLiveAndSaysWhy() throws Exception {
        set(FREE, OCCUPIED, FREE);
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
             MqttPublisher publisher = new MqttPublisher(MqttSettings.of(broker.uri(), null, null),
                     LotIdentity.named("east"), lot).start(Optional.empty());
             Subscriber ha = new Subscriber(broker.uri())) {
            ha.await("parkwatch/east/live", "true", SOON);
            lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
            ha.await("parkwatch/east/health", "reconnecting", SOON);
            ha.await("parkwatch/east/live", "false", SOON);
            assertEquals(0, publisher.dropped());
        }
    }

    @Test
    void aLotOfTwoCamerasSaysEachOnesHealthAndHomeAssistantFindsASensorForEach() throws Exception {
        Layout first = new Layout(640, 360, List.of(labelled(1, "A1", 10), labelled(2, "A2", 80)));
        Layout second = new Layout(640, 360, List.of(labelled(3, "B1", 10)));
        LiveLot two = new LiveLot(List.of(first, second), Clock.systemUTC(), Duration.ofHours(1));
        two.health(1, SourceHealth.live());
        two.health(2, SourceHealth.live());
        two.publish(1, new LotSnapshot(0, 0, List.of(new SpotStatus(first.spots().get(0), FREE, 0.9, 0),
                new SpotStatus(first.spots().get(1), OCCUPIED, 0.9, 0))));
        two.publish(2, new LotSnapshot(0, 0, List.of(new SpotStatus(second.spots().get(0), FREE, 0.9, 0))));
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
             MqttPublisher publisher = new MqttPublisher(MqttSettings.of(broker.uri(), null, null),
                     LotIdentity.named("west"), two).start(Optional.empty());
             Subscriber ha = new Subscriber(broker.uri())) {
            ha.await("parkwatch/west/camera/2/health", "live", SOON);
            assertEquals("live", ha.latest("parkwatch/west/camera/1/health"));
            assertEquals("true", ha.latest("parkwatch/west/camera/2/live"));
            assertEquals("free", ha.latest("parkwatch/west/bay/b1/state"));
            for (int n = 1; n <= 2; n++) {
                JsonNode camera = JSON.readTree(ha.latest("homeassistant/sensor/west_camera_" + n + "/config"));
                assertEquals("Camera " + n, camera.get("name").asText());
                assertEquals("parkwatch/west/camera/" + n + "/health", camera.get("state_topic").asText());
                assertTrue(camera.get("options").toString().contains("reconnecting"));
            }

            two.health(2, new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
            ha.await("parkwatch/west/camera/2/health", "reconnecting", SOON);
            ha.await("parkwatch/west/camera/2/live", "false", SOON);
            assertEquals("true", ha.latest("parkwatch/west/camera/1/live"));
            ha.await("parkwatch/west/bay/b1/state", "unknown", SOON);
            assertEquals("live", ha.latest("parkwatch/west/camera/1/health"));
            assertEquals("true", ha.latest("parkwatch/west/live"), "camera 1 still watches its bays");
            assertEquals("live", ha.latest("parkwatch/west/health"));
            assertEquals(0, publisher.dropped());
        }
    }

    @Test
    void aCameraWhoseSamplesStopIsNotLiveThoughItsHealthStillSaysLive() throws Exception {
        Layout first = new Layout(640, 360, List.of(labelled(1, "A1", 10)));
        Layout second = new Layout(640, 360, List.of(labelled(2, "B1", 10)));
        LiveLot two = new LiveLot(List.of(first, second), Clock.systemUTC(), Duration.ofSeconds(2));
        two.health(1, SourceHealth.live());
        two.health(2, SourceHealth.live());
        LotSnapshot seenByFirst = new LotSnapshot(0, 0, List.of(new SpotStatus(first.spots().get(0), FREE, 0.9, 0)));
        two.publish(2, new LotSnapshot(0, 0, List.of(new SpotStatus(second.spots().get(0), FREE, 0.9, 0))));
        java.util.concurrent.ScheduledExecutorService camera1 = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        camera1.scheduleAtFixedRate(() -> two.publish(1, seenByFirst), 0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
             MqttPublisher publisher = new MqttPublisher(MqttSettings.of(broker.uri(), null, null),
                     LotIdentity.named("west"), two).start(Optional.empty());
             Subscriber ha = new Subscriber(broker.uri())) {
            // Camera 2's one sample turns stale after 2 s: its engine never said it stopped.
            ha.await("parkwatch/west/camera/2/live", "false", SOON);
            assertEquals("live", ha.latest("parkwatch/west/camera/2/health"));
            ha.await("parkwatch/west/bay/b1/state", "unknown", SOON);
            assertEquals("true", ha.latest("parkwatch/west/camera/1/live"));
            assertEquals("true", ha.latest("parkwatch/west/live"));
        } finally {
            camera1.shutdownNow();
        }
    }

    @Test
    void bookingsArePublishedAtOnceAsEventsWithoutPlateOrCode() throws Exception {
        set(FREE, FREE, FREE);
        try (JdbcBookingStore store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db"));
             MosquittoBroker broker = MosquittoBroker.start(dir)) {
            BookingService bookings = LotWatch.bookingsFor(lot, store, Clock.systemUTC(), BookingRules.DEFAULT);
            // The record is read by itself only once an hour here: what arrives sooner was pushed by the commit.
            try (BookingEvents events = new BookingEvents(bookings, Clock.systemUTC(), Duration.ofHours(1));
                 MqttPublisher publisher = new MqttPublisher(MqttSettings.of(broker.uri(), null, null),
                         LotIdentity.named("east"), lot).start(Optional.of(events));
                 Subscriber ha = new Subscriber(broker.uri())) {
                events.start();
                ha.await("parkwatch/east/availability", "online", SOON);
                Thread.sleep(300);
                List<String> took = new ArrayList<>();
                for (int spot = 1; spot <= 3; spot++) {
                    long booking = System.nanoTime();
                    var made = bookings.book(spot, "PW " + spot, 30);
                    took.add("booked " + awaitEvent(ha, "booked", spot, booking));
                    String text = event(ha, "booked", spot).orElseThrow();
                    assertFalse(text.contains("PW " + spot) || text.contains(made.code()), text);
                    JsonNode booked = JSON.readTree(text);
                    assertEquals(Integer.toString(spot), booked.get("label").asText());
                    assertNotNull(booked.get("until").asText());
                    long extension = System.nanoTime();
                    bookings.extend(made.code(), 30, "10.0.0.1");
                    took.add("extended " + awaitEvent(ha, "extended", spot, extension));
                }
                ha.await("parkwatch/east/bay/3/state", "reserved", SOON);
                long cancel = System.nanoTime();
                assertTrue(bookings.cancel(bookings.active().get(0).code()));
                took.add("released " + awaitEvent(ha, "released", 1, cancel));
                assertEquals("cancelled", JSON.readTree(ha.latest("parkwatch/east/events/released")).get("outcome").asText());
                System.out.println("booking events from the commit to the subscriber: " + took);
                assertEquals(0, publisher.dropped());
            }
        }
    }

    /** The first booking event of this kind about a spot. */
    private static Optional<String> event(Subscriber ha, String kind, int spot) {
        return ha.received().stream().filter(m -> m.topic().equals("parkwatch/east/events/" + kind)
                && m.payload().contains("\"spot\":" + spot + ",")).map(Subscriber.Message::payload).findFirst();
    }

    /** Waits for a booking event of a spot, at most 1 s after {@code since}; how long it took. */
    private static String awaitEvent(Subscriber ha, String kind, int spot, long since) throws InterruptedException {
        ha.await(Duration.ofSeconds(2), kind + " " + spot, () -> event(ha, kind, spot).isPresent());
        long millis = (System.nanoTime() - since) / 1_000_000;
        assertTrue(millis < 1000, kind + " " + spot + " arrived after " + millis + " ms");
        return millis + " ms";
    }

    @Test
    void twoLotsOnOneBrokerKeepTheirTopicsEntitiesAndAvailabilityApart() throws Exception {
        set(FREE, OCCUPIED, FREE);
        LiveLot south = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
        south.health(SourceHealth.live());
        south.publish(new LotSnapshot(0, 0, layout.spots().stream()
                .map(spot -> new SpotStatus(spot, OCCUPIED, 0.9, 0)).toList()));
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
             MqttPublisher northPublisher = new MqttPublisher(MqttSettings.of(broker.uri(), null, null),
                     LotIdentity.named("north"), lot).start(Optional.empty());
             Subscriber ha = new Subscriber(broker.uri())) {
            try (MqttPublisher southPublisher = new MqttPublisher(MqttSettings.of(broker.uri(), null, null),
                    LotIdentity.named("south"), south).start(Optional.empty())) {
                ha.await("parkwatch/north/free", "2", SOON);
                ha.await("parkwatch/south/free", "0", SOON);
                assertEquals("occupied", ha.latest("parkwatch/north/bay/2/state"));
                assertEquals("free", ha.latest("parkwatch/north/bay/1/state"));
                assertEquals("occupied", ha.latest("parkwatch/south/bay/1/state"), "bay 1 of south is south's own");
                JsonNode northBay = JSON.readTree(ha.latest("homeassistant/binary_sensor/north_bay_1/config"));
                JsonNode southBay = JSON.readTree(ha.latest("homeassistant/binary_sensor/south_bay_1/config"));
                assertEquals("parkwatch_north_bay_1", northBay.get("unique_id").asText());
                assertEquals("parkwatch_south_bay_1", southBay.get("unique_id").asText());
                assertEquals("parkwatch/south/bay/1/state", southBay.get("state_topic").asText());
                assertEquals("parkwatch_south", southBay.get("device").get("identifiers").get(0).asText());
                ha.await("parkwatch/south/availability", "online", SOON);
            }
            ha.await("parkwatch/south/availability", "offline", SOON);
            assertEquals("online", ha.latest("parkwatch/north/availability"), "one box stopping leaves the other online");
            assertEquals(1, northPublisher.connections());
        }
    }

    @Test
    void aBrokerThatWantsAPasswordLetsInOnlyTheRightOne() throws Exception {
        set(FREE, OCCUPIED, FREE);
        try (MosquittoBroker broker = MosquittoBroker.withPassword(dir, "parkwatch", "the-right-password");
             MqttPublisher wrong = new MqttPublisher(MqttSettings.of(broker.uri(), "parkwatch", "wrong".toCharArray()),
                     LotIdentity.named("east"), lot).start(Optional.empty());
             MqttPublisher right = new MqttPublisher(MqttSettings.of(broker.uri(), "parkwatch",
                     "the-right-password".toCharArray()), LotIdentity.named("west"), lot).start(Optional.empty())) {
            long deadline = System.nanoTime() + SOON.toNanos();
            while (right.connections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, right.connections());
            Thread.sleep(1000);
            assertEquals(0, wrong.connections());
        }
    }

    @Test
    void overTlsThePublisherTrustsTheBrokersOwnAuthorityAndNoOther() throws Exception {
        set(FREE, OCCUPIED, FREE);
        try (MosquittoBroker broker = MosquittoBroker.withTls(dir);
             MqttPublisher trusting = new MqttPublisher(MqttSettings.of(broker.uri(), null, null,
                     dir.resolve("broker-cert.pem")), LotIdentity.named("east"), lot).start(Optional.empty());
             MqttPublisher javaDefaults = new MqttPublisher(MqttSettings.of(broker.uri(), null, null),
                     LotIdentity.named("west"), lot).start(Optional.empty())) {
            assertTrue(broker.uri().startsWith("ssl://"));
            long deadline = System.nanoTime() + SOON.toNanos();
            while (trusting.connections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, trusting.connections());
            Thread.sleep(1000);
            assertEquals(0, javaDefaults.connections(), "a self-signed broker is not trusted by Java's authorities");
        }
    }

    private static Spot labelled(int id, String label, int x) {
        return Spot.ofBox(id, new Box(x, 10, 60, 120)).described(label, null, java.util.Set.of());
    }

    private void set(Occupancy... states) {
        List<SpotStatus> statuses = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            statuses.add(new SpotStatus(layout.spots().get(i), states[i], 0.9, 0));
        }
        lot.health(SourceHealth.live());
        lot.publish(new LotSnapshot(0, 0, statuses));
    }
}
