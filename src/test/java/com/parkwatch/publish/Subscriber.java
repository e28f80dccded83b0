package com.parkwatch.publish;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A test's own MQTT client: it subscribes to everything and keeps each topic's messages, resubscribing after a restart. */
public final class Subscriber implements AutoCloseable {

    public record Message(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> latest = new ConcurrentHashMap<>();

    public Subscriber(String uri) throws MqttException {
        client = new MqttClient(uri, "test-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect) {
                    try {
                        client.subscribe(new String[]{"homeassistant/#", "parkwatch/#"}, new int[]{1, 1});
                    } catch (MqttException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                received.add(new Message(topic, payload, message.isRetained()));
                latest.put(topic, payload);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        options.setCleanSession(true);
        client.connect(options);
        client.subscribe(new String[]{"homeassistant/#", "parkwatch/#"}, new int[]{1, 1});
    }

    public String latest(String topic) {
        return latest.get(topic);
    }

    public List<Message> received() {
        return new ArrayList<>(received);
    }

    public void forget() {
        received.clear();
        latest.clear();
    }

    /** Waits until the latest message on the topic is the payload. */
    public void await(String topic, String payload, Duration within) throws InterruptedException {
        await(within, topic + " = " + payload, () -> payload.equals(latest.get(topic)));
    }

    public void await(Duration within, String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what + "; latest: " + latest);
            }
            Thread.sleep(20);
        }
    }

    public long count(Predicate<Message> which) {
        return received.stream().filter(which).count();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
