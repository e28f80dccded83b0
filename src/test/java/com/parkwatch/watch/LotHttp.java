package com.parkwatch.watch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A real HTTP client's bookings against a running lot's web server, and waiting for what the lot does by itself. */
final class LotHttp {

    private LotHttp() {
    }

    /** A booking as the lot's own booking page makes it: JSON, with the server's own origin. */
    static HttpResponse<String> book(HttpClient http, String base, int spot) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/bookings"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("{\"spot\":" + spot + ",\"plate\":\"AB " + spot
                        + "\",\"minutes\":30}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void within(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(what + ": not within " + limit.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}
