package com.parkwatch.publish;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Where to POST the lot's changes and alerts, and the secret that signs them.
 *
 * @param secret     the HMAC-SHA256 key, from a file (never the command line)
 * @param firstRetry the wait before the first retry; it doubles at each of the {@link #ATTEMPTS} attempts
 */
public record WebhookSettings(List<URI> targets, byte[] secret, Duration firstRetry) {

    /** Tries of one delivery before it is given up. */
    public static final int ATTEMPTS = 5;

    public WebhookSettings {
        targets = List.copyOf(targets);
        for (URI target : targets) {
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
                throw new IllegalArgumentException("--webhook must be an http:// or https:// address, got " + target);
            }
        }
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("webhooks are signed: --webhook-secret-file must hold at least 16 characters");
        }
    }

    public static WebhookSettings of(List<String> targets, byte[] secret) {
        try {
            return new WebhookSettings(targets.stream().map(URI::create).toList(), secret, Duration.ofSeconds(1));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && (e.getMessage().startsWith("--webhook") || e.getMessage().startsWith("webhooks"))) {
                throw e;
            }
            throw new IllegalArgumentException("--webhook must be an http:// or https:// address: " + e.getMessage());
        }
    }
}
