package com.parkwatch.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * {@code GET /metrics}: the meters in Prometheus text, behind a token of their own. The server is reachable from
 * the street, and the metrics tell how the lot and its bookings are used; the operator's token would let a
 * monitoring system void bookings, so it gets a token that can only read the metrics.
 */
public final class MetricsRoute implements WebRoutes {

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;
    private final OperatorToken token;

    public MetricsRoute(PrometheusMeterRegistry registry, OperatorToken token) {
        this.registry = registry;
        this.token = token;
    }

    @Override
    public void install(Javalin app, ApiRoutes docs) {
        app.get("/metrics", this::scrape);
        docs.describe(HandlerType.GET, "/metrics", RouteDoc.of("operations", "The meters in Prometheus text")
                .details("Free and total spots, live, source up, reconnects, frames decoded and analysed, analysis time"
                        + " per step, bookings by outcome, HTTP latencies by route, MQTT and webhook drops")
                .answers(200, "Prometheus text format 0.0.4", "text/plain", new StringSchema())
                .token(ApiRoutes.METRICS_TOKEN));
    }

    private void scrape(Context ctx) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()).strip() : null;
        if (!token.matches(given)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiRefusal(HttpStatus.UNAUTHORIZED, "the metrics need the metrics token");
        }
        ctx.header("Cache-Control", "no-store").contentType(TEXT_FORMAT).result(registry.scrape());
    }
}
