package com.parkwatch.publish;

import java.net.URI;
import java.util.Locale;

/**
 * Where and as whom to publish: {@code tcp://host:port}, or {@code ssl://host:port} for TLS (the broker's certificate
 * checked against Java's trusted authorities, or those in {@code javax.net.ssl.trustStore}).
 *
 * @param user     null to connect without a name
 * @param password null without one; read from a file, never from the command line
 */
public record MqttSettings(URI broker, String user, char[] password) {

    public MqttSettings {
        String scheme = broker.getScheme() == null ? "" : broker.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl") || broker.getHost() == null || broker.getPort() < 0) {
            throw new IllegalArgumentException("--mqtt must be tcp://HOST:PORT or ssl://HOST:PORT, got " + broker);
        }
        if (password != null && user == null) {
            throw new IllegalArgumentException("--mqtt-password-file needs --mqtt-user");
        }
    }

    public static MqttSettings of(String broker, String user, char[] password) {
        try {
            return new MqttSettings(URI.create(broker), user, password);
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
