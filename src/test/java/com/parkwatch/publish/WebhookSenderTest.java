package com.parkwatch.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks to a real local HTTP receiver that checks the signature and fails at first. */
class WebhookSenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SECRET = "a-secret-of-the-receiver".getBytes(StandardCharsets.UTF_8);

    private record Delivery(String signature, byte[] body) {
    }

    private final Layout layout = new Layout(640, 360, List.of(Spot.ofBox(1, new Box(10, 10, 60, 120)),
            Spot.ofBox(2, new Box(80, 10, 60, 120))));
    private final LiveLot lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;

    private URI receive() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body));
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aChangeIsPostedSignedAndRetriedUntilTheReceiverTakesIt() throws Exception {
        set(FREE, OCCUPIED);
        failuresLeft.set(2);
        WebhookSettings settings = new WebhookSettings(List.of(receive()), SECRET, Duration.ofMillis(50));
        try (WebhookSender sender = new WebhookSender(settings, LotIdentity.named("east"), lot, Clock.systemUTC())
                .start(Optional.empty())) {
            set(OCCUPIED, OCCUPIED);
            awaitDeliveries(3);
            Thread.sleep(300);
            assertEquals(3, deliveries.size(), "two refusals, then taken; nothing more: " + deliveries.size());
            for (Delivery d : deliveries) {
                assertEquals(WebhookSignature.of(SECRET, d.body()), d.signature());
                assertTrue(d.signature().matches("sha256=[0-9a-f]{64}"), d.signature());
            }
            JsonNode body = JSON.readTree(deliveries.get(2).body());
            assertEquals("lot.changed", body.get("event").asText());
            assertEquals("east", body.get("lot").asText());
            assertEquals(0, body.get("free").asInt());
            assertEquals(1, body.get("spots").size(), "only the bay that changed: " + body);
            assertEquals("1", body.get("spots").get(0).get("label").asText());
            assertEquals("occupied", body.get("spots").get(0).get("state").asText());
            assertEquals(0, sender.dropped());
        }
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotMatch() throws Exception {
        byte[] body = "{\"event\":\"alert\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.of(SECRET, body);
        assertTrue(!signature.equals(WebhookSignature.of("another-secret-entirely".getBytes(StandardCharsets.UTF_8), body)));
        assertTrue(!signature.equals(WebhookSignature.of(SECRET, "{\"event\":\"alerts\"}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aReceiverThatNeverAnswersWellIsGivenUpAfterEveryAttemptAndCounted() throws Exception {
        set(FREE, FREE);
        failuresLeft.set(Integer.MAX_VALUE);
        WebhookSettings settings = new WebhookSettings(List.of(receive()), SECRET, Duration.ofMillis(10));
        try (WebhookSender sender = new WebhookSender(settings, LotIdentity.named("east"), lot, Clock.systemUTC())
                .start(Optional.empty())) {
            set(OCCUPIED, FREE);
            awaitDeliveries(WebhookSettings.ATTEMPTS);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (sender.dropped() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, sender.dropped());
            assertEquals(WebhookSettings.ATTEMPTS, deliveries.size());
        }
    }

    private void awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (deliveries.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("deliveries: " + deliveries.size() + " of " + count);
            }
            Thread.sleep(20);
        }
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
