package com.parkwatch.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where and as whom to publish: {@code tcp://host:port}, or {@code ssl://host:port} for TLS (the broker's certificate
 * checked against Java's trusted authorities, or against the one in {@code caFile}).
 *
 * @param user     null to connect without a name
 * @param password null without one; read from a file, never from the command line
 * @param caFile   the PEM certificate(s) of the authority that signed the broker's, or null for Java's own
 */
public record MqttSettings(URI broker, String user, char[] password, Path caFile) {

    public MqttSettings {
        String scheme = broker.getScheme() == null ? "" : broker.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl") || broker.getHost() == null || broker.getPort() < 0) {
            throw new IllegalArgumentException("--mqtt must be tcp://HOST:PORT or ssl://HOST:PORT, got " + broker);
        }
        if (password != null && user == null) {
            throw new IllegalArgumentException("--mqtt-password-file needs --mqtt-user");
        }
        if (caFile != null && !scheme.equals("ssl")) {
            throw new IllegalArgumentException("--mqtt-ca-file needs an ssl:// broker");
        }
    }

    public static MqttSettings of(String broker, String user, char[] password) {
        return of(broker, user, password, null);
    }

    public static MqttSettings of(String broker, String user, char[] password, Path caFile) {
        try {
            return new MqttSettings(URI.create(broker), user, password, caFile);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("--mqtt")) {
                throw e;
            }
            throw new IllegalArgumentException("--mqtt must be tcp://HOST:PORT or ssl://HOST:PORT, got " + broker);
        }
    }

    @Override
    public String toString() {
        return broker + (user == null ? "" : " as " + user);
    }
}
