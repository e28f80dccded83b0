package com.parkwatch.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.CameraView;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SpotView;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLSocketFactory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the lot to an MQTT broker for Home Assistant and anything else that listens: the discovery configs and
 * every state retained, then only the bays that changed with each sample, the lot's counts and health when they
 * change, and the bookings' events as they happen. The broker is told "offline" by a last will when the process dies.
 *
 * <p>Never slows the engine: the lot's listener only adds the view to a {@link DropOldestQueue}; this class's own
 * thread connects (and reconnects, 0.5 s doubling to {@link #LONGEST_WAIT}), compares and publishes. After each
 * connection everything is published again, so a broker restarted without its retained messages has them back.
 */
public final class MqttPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Views and events waiting for the broker; about a minute of samples at one a second, with room for events. */
    static final int QUEUE = 256;
    private static final long FIRST_WAIT_MILLIS = 500;
    static final long LONGEST_WAIT = 10_000;
    /** Messages on their way at once before publishing refuses more (each counts as a drop). */
    private static final int IN_FLIGHT = 2000;
    private static final int QOS = 1;

    private final MqttSettings settings;
    private final LiveLot lot;
    private final MqttTopics topics;
    private final HomeAssistantDiscovery discovery;
    private final MqttAsyncClient client;
    /** TLS trusting only the broker's own authority, when given. */
    private final SSLSocketFactory trust;
    private final DropOldestQueue<Object> queue = new DropOldestQueue<>(QUEUE);
    private final LotDelta delta = new LotDelta();
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Thread thread = new Thread(this::run, "mqtt");
    private volatile boolean running = true;
    private boolean unreachableLogged;

    public MqttPublisher(MqttSettings settings, LotIdentity identity, LiveLot lot) {
        this.settings = settings;
        this.lot = lot;
        topics = new MqttTopics(identity.id());
        discovery = new HomeAssistantDiscovery(identity, topics);
        trust = settings.caFile() == null ? null : BrokerTrust.trusting(settings.caFile());
        String clientId = "parkwatch-" + identity.id() + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        try {
            client = new MqttAsyncClient(settings.broker().toString(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("--mqtt " + settings.broker() + " cannot be used: " + e.getMessage());
        }
        thread.setDaemon(true);
    }

    /** Starts listening to the lot and the bookings and publishing; the broker may come later. */
    public MqttPublisher start(Optional<BookingEvents> bookings) {
        lot.subscribe(queue::offer);
        bookings.ifPresent(b -> b.subscribe(queue::offer));
        thread.start();
        return this;
    }

    /** Views and events dropped: the queue was full, or the broker was gone or would take no more. */
    public long dropped() {
        return queue.dropped() + undelivered.get();
    }

    /** Connections made to the broker: the first, then one per reconnection. */
    public long connections() {
        return connections.get();
    }

    private void run() {
        long wait = FIRST_WAIT_MILLIS;
        while (running) {
            try {
                if (!client.isConnected()) {
                    if (!connect()) {
                        Thread.sleep(wait);
                        wait = Math.min(wait * 2, LONGEST_WAIT);
                        continue;
                    }
                    wait = FIRST_WAIT_MILLIS;
                    publishAll();
                }
                Object item = queue.poll(1000);
                if (item instanceof BookingEvent event) {
                    publishEvent(event);
                } else {
                    // A view, or none for a second: liveness lapses with no new view when samples stop.
                    publishChanges(item instanceof LotView view ? view : lot.view());
                }
            } catch (InterruptedException e) {
                return;
            } catch (MqttException e) {
                if (running) {
                    LOG.warn("MQTT: publishing to {} failed ({}); connecting again", settings.broker(), e.getMessage());
                }
            }
        }
    }

    private boolean connect() throws InterruptedException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(20);
        options.setConnectionTimeout(10);
        options.setMaxInflight(IN_FLIGHT);
        options.setWill(topics.availability(), "offline".getBytes(StandardCharsets.UTF_8), QOS, true);
        if (settings.user() != null) {
            options.setUserName(settings.user());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password());
        }
        if (settings.caFile() != null) {
            options.setSocketFactory(trust);
        }
        try {
            client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(15));
            connections.incrementAndGet();
            LOG.info("MQTT: connected to {}", settings);
            unreachableLogged = false;
            return true;
        } catch (MqttException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (!unreachableLogged) {
                LOG.warn("MQTT: cannot reach {} ({}); trying again until it answers", settings, e.getMessage());
                unreachableLogged = true;
            }
            return false;
        }
    }

    /** Everything, retained: after a new connection the broker may have lost it all. */
    private void publishAll() throws MqttException {
        LotView newest = lot.view();
        List<Object> waiting = queue.drain();
        for (Map.Entry<String, String> config : discovery.configs(newest.spots().stream().map(SpotView::spot).toList(),
                newest.cameras().size()).entrySet()) {
            publish(config.getKey(), config.getValue(), true);
        }
        publish(topics.availability(), "online", true);
        delta.forget();
        publishChanges(newest);
        for (Object item : waiting) {
            if (item instanceof BookingEvent event) {
                publishEvent(event);
            }
        }
    }

    private void publishChanges(LotView view) throws MqttException {
        LotDelta.Changes changes = delta.next(view);
        for (SpotView bay : changes.bays()) {
            publish(topics.bayState(bay.spot()), bay.state().word(), true);
            publish(topics.bayConfidence(bay.spot()), String.format(Locale.ROOT, "%.2f", bay.confidence()), true);
            publish(topics.baySince(bay.spot()), bay.since() == null ? "" : bay.since().toString(), true);
        }
        if (changes.counts()) {
            publish(topics.free(), Integer.toString(view.free()), true);
            publish(topics.total(), Integer.toString(view.total()), true);
            publish(topics.live(), Boolean.toString(view.live()), true);
        }
        if (changes.health()) {
            publish(topics.health(), view.source().state().word(), true);
        }
        for (CameraView camera : changes.cameras()) {
            publish(topics.cameraHealth(camera.number()), camera.health().state().word(), true);
            publish(topics.cameraLive(camera.number()), Boolean.toString(camera.live()), true);
        }
    }

    private void publishEvent(BookingEvent event) throws MqttException {
        if (!client.isConnected()) {
            undelivered.incrementAndGet();
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.kind().word());
        body.put("spot", event.spot());
        lot.view().spot(event.spot()).ifPresent(s -> body.put("label", s.spot().label()));
        body.put("at", event.at().toString());
        body.put("until", event.until() == null ? null : event.until().toString());
        body.put("outcome", event.outcome());
        if (!event.message().isEmpty()) {
            body.put("message", event.message());
        }
        try {
            publish(topics.event(event.kind()), JSON.writeValueAsString(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a booking event could not be written", e);
        }
    }

    private void publish(String topic, String payload, boolean retained) throws MqttException {
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), QOS, retained);
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                throw e;
            }
            undelivered.incrementAndGet();
        }
    }

    /** Says "offline" itself (a clean goodbye sends no last will), then disconnects. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client.isConnected()) {
                client.publish(topics.availability(), "offline".getBytes(StandardCharsets.UTF_8), QOS, true)
                        .waitForCompletion(2000);
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            LOG.warn("MQTT: could not say goodbye to {}: {}", settings.broker(), e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("MQTT: the client did not close: {}", e.getMessage());
        }
    }
}
