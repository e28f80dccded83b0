package com.parkwatch.app;

import com.parkwatch.publish.MosquittoBroker;
import com.parkwatch.publish.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The packaged serve publishing to a real Mosquitto: when the process dies, the broker says it is offline. */
class MqttLastWillIT {

    @TempDir
    Path dir;

    @Test
    void aServerKilledOutrightIsToldOfflineByItsLastWill() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir); Subscriber ha = new Subscriber(broker.uri())) {
            Process serve = Jar.start(dir, "serve", "--video", "sim", "--port", "0", "--data-dir",
                    dir.resolve("data").toString(), "--mqtt", broker.uri(), "--lot-id", "west", "--lot-name", "West");
            try {
                ha.await("parkwatch/west/availability", "online", Duration.ofSeconds(90));
                ha.await("parkwatch/west/total", "72", Duration.ofSeconds(30));
                assertNotNull(ha.latest("parkwatch/west/bay/72/state"));
                assertNotNull(ha.latest("homeassistant/binary_sensor/west_bay_72/config"));
                serve.destroyForcibly();
                serve.waitFor(10, TimeUnit.SECONDS);
                ha.await("parkwatch/west/availability", "offline", Duration.ofSeconds(10));
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void aServerStoppedCleanlySaysOfflineItself() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir); Subscriber ha = new Subscriber(broker.uri())) {
            Process serve = Jar.start(dir, "serve", "--video", "sim", "--port", "0", "--data-dir",
                    dir.resolve("data").toString(), "--mqtt", broker.uri(), "--lot-id", "west");
            try {
                ha.await("parkwatch/west/availability", "online", Duration.ofSeconds(90));
                serve.destroy();
                serve.waitFor(20, TimeUnit.SECONDS);
                ha.await("parkwatch/west/availability", "offline", Duration.ofSeconds(10));
            } finally {
                serve.destroyForcibly();
            }
        }
    }
}
