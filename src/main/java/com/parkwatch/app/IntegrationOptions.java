package com.parkwatch.app;

import com.parkwatch.publish.LotIdentity;
import com.parkwatch.publish.MqttSettings;
import com.parkwatch.publish.WebhookSettings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How the lot speaks to other systems: its identity (its id is the store's {@code --lot-id}), MQTT (Home Assistant),
 * webhooks and the metrics; shared by the kiosk and serve. Secrets come from files, never from the command line,
 * where any user of the machine reads them.
 */
final class IntegrationOptions {

    @Option(names = "--lot-name", paramLabel = "NAME", description = "The lot's name for people (Home Assistant's device, open data; default: the id).")
    String lotName;

    @Option(names = "--lot-address", paramLabel = "TEXT", description = "The lot's street address, for open data.")
    String lotAddress;

    @Option(names = "--lot-location", paramLabel = "LAT,LON", description = "The lot's position in degrees, for open data.")
    String lotLocation;

    @Option(names = "--mqtt", paramLabel = "URI", description = "Publish to this MQTT broker: tcp://HOST:PORT, or ssl://HOST:PORT for TLS.")
    String mqtt;

    @Option(names = "--mqtt-user", paramLabel = "NAME", description = "The broker's user name.")
    String mqttUser;

    @Option(names = "--mqtt-password-file", paramLabel = "FILE", description = "A file holding the broker's password (its first line).")
    Path mqttPasswordFile;

    @Option(names = "--mqtt-ca-file", paramLabel = "PEM", description = "With ssl://: trust only this authority's certificate(s) for the broker (default: Java's trusted authorities).")
    Path mqttCaFile;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST the lot's changes and alerts here, signed; repeatable.")
    List<String> webhooks = List.of();

    @Option(names = "--webhook-secret-file", paramLabel = "FILE", description = "A file holding the webhooks' HMAC-SHA256 key (its first line, at least 16 characters).")
    Path webhookSecretFile;

    @Option(names = "--metrics-token-file", paramLabel = "FILE",
            description = "Serve /metrics (Prometheus text) to requests bearing the token in this file (made at the first start if missing, mode 0600).")
    Path metricsTokenFile;

    /** What was asked for, checked before anything opens; files read now, so a missing one is said at once. */
    record Settings(LotIdentity identity, MqttSettings mqtt, WebhookSettings webhooks, Path metricsTokenFile) {
    }

    /** @param lotId the lot's id ({@code --lot-id}, one option with the store's, whose rows it names too) */
    Settings settings(String lotId) {
        LotIdentity identity = new LotIdentity(lotId, lotName, lotAddress, null, null);
        if (lotLocation != null) {
            identity = identity.at(lotLocation);
        }
        MqttSettings broker = null;
        if (mqtt != null) {
            char[] password = mqttPasswordFile == null ? null : firstLine(mqttPasswordFile, "--mqtt-password-file").toCharArray();
            if (mqttCaFile != null && !Files.isReadable(mqttCaFile)) {
                throw new IllegalArgumentException("cannot read --mqtt-ca-file " + mqttCaFile);
            }
            broker = MqttSettings.of(mqtt, mqttUser, password, mqttCaFile);
        } else if (mqttUser != null || mqttPasswordFile != null || mqttCaFile != null) {
            throw new IllegalArgumentException("--mqtt-user, --mqtt-password-file and --mqtt-ca-file need --mqtt");
        }
        WebhookSettings hooks = null;
        if (!webhooks.isEmpty()) {
            if (webhookSecretFile == null) {
                throw new IllegalArgumentException("--webhook needs --webhook-secret-file: webhooks are signed");
            }
            hooks = WebhookSettings.of(webhooks, firstLine(webhookSecretFile, "--webhook-secret-file")
                    .getBytes(StandardCharsets.UTF_8));
        } else if (webhookSecretFile != null) {
            throw new IllegalArgumentException("--webhook-secret-file needs --webhook");
        }
        return new Settings(identity, broker, hooks, metricsTokenFile);
    }

    private static String firstLine(Path file, String option) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new IllegalArgumentException(option + " " + file + " is empty");
            }
            return lines.get(0).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + option + " " + file + ": "
                    + (Files.exists(file) ? "it is not readable" : "no such file"));
        }
    }
}
