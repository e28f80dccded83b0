package com.parkwatch.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SpotView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs the lot's changes ({@code lot.changed}: the bays that changed, the counts, liveness and the camera's health)
 * and the operator's alerts ({@code alert}) as signed JSON to each webhook. Its own thread takes them from a
 * {@link DropOldestQueue} (the engine never waits), and retries a delivery that fails (no answer, 5xx, 429) after 1,
 * 2, 4 and 8 s before giving it up. The lot as it is at start is not sent: a receiver reads it from {@code /api/spots}.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int QUEUE = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebhookSettings settings;
    private final LotIdentity identity;
    private final LiveLot lot;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final DropOldestQueue<Object> queue = new DropOldestQueue<>(QUEUE);
    private final LotDelta delta = new LotDelta();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread = new Thread(this::run, "webhooks");

    public WebhookSender(WebhookSettings settings, LotIdentity identity, LiveLot lot, Clock clock) {
        this.settings = settings;
        this.identity = identity;
        this.lot = lot;
        this.clock = clock;
        thread.setDaemon(true);
    }

    public WebhookSender start(Optional<BookingEvents> bookings) {
        delta.next(lot.view());
        lot.subscribe(queue::offer);
        bookings.ifPresent(b -> b.subscribe(e -> {
            if (e.kind() == BookingEvent.Kind.ALERT) {
                queue.offer(e);
            }
        }));
        thread.start();
        return this;
    }

    /** Changes dropped from a full queue, and deliveries given up after every attempt. */
    public long dropped() {
        return queue.dropped() + failed.get();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Object item = queue.poll(1000);
                Map<String, Object> body = item instanceof BookingEvent alert ? alert(alert)
                        : changes(item instanceof LotView view ? view : lot.view());
                if (body != null) {
                    byte[] json = JSON.writeValueAsBytes(body);
                    for (URI target : settings.targets()) {
                        deliver(target, json);
                    }
                }
            }
        } catch (InterruptedException e) {
            // Closing.
        } catch (JsonProcessingException e) {
            LOG.error("webhooks stopped: an event could not be written", e);
        }
    }

    /** The lot's changes since the last sent, or null when nothing a receiver would see changed. */
    private Map<String, Object> changes(LotView view) {
        LotDelta.Changes changes = delta.next(view);
        if (changes.none()) {
            return null;
        }
        Map<String, Object> body = head("lot.changed");
        body.put("free", view.free());
        body.put("total", view.total());
        body.put("live", view.live());
        body.put("source", view.source().state().word());
        body.put("spots", changes.bays().stream().map(WebhookSender::bay).toList());
        return body;
    }

    private static Map<String, Object> bay(SpotView spot) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", spot.id());
        b.put("label", spot.spot().label());
        b.put("state", spot.state().word());
        b.put("confidence", Math.round(spot.confidence() * 100) / 100.0);
        b.put("since", spot.since() == null ? null : spot.since().toString());
        return b;
    }

    private Map<String, Object> alert(BookingEvent alert) {
        Map<String, Object> body = head("alert");
        body.put("spot", alert.spot());
        lot.view().spot(alert.spot()).ifPresent(s -> body.put("label", s.spot().label()));
        body.put("raised", alert.at().toString());
        body.put("message", alert.message());
        return body;
    }

    private Map<String, Object> head(String event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("lot", identity.id());
        body.put("at", clock.instant().toString());
        return body;
    }

    private void deliver(URI target, byte[] json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "ParkWatch")
                .header(WebhookSignature.HEADER, WebhookSignature.of(settings.secret(), json))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        long wait = settings.firstRetry().toMillis();
        String why = "";
        for (int attempt = 1; attempt <= WebhookSettings.ATTEMPTS; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 300) {
                    return;
                }
                why = "HTTP " + status;
                if (status < 500 && status != 429) {
                    break;
                }
            } catch (IOException e) {
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (attempt < WebhookSettings.ATTEMPTS) {
                TimeUnit.MILLISECONDS.sleep(wait);
                wait *= 2;
            }
        }
        failed.incrementAndGet();
        LOG.warn("webhook {}: an event was given up ({})", redacted(target), why);
    }

    /** The address without its query, which may carry a receiver's key. */
    private static String redacted(URI target) {
        return target.getScheme() + "://" + target.getAuthority() + (target.getPath() == null ? "" : target.getPath());
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
