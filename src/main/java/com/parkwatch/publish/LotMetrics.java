package com.parkwatch.publish;

import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.SourceHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lot's meters for {@code /metrics}: free and total spots, whether the lot is live and the camera up, the
 * engine's frames and analysis time, reconnections, bookings by outcome and the publishers' drops. Everything but
 * the bookings is read when scraped (functions of the lot and the engine's counters), so the engine pays nothing
 * per frame. Function meters hold what they read weakly: the caller keeps the readings alive.
 */
public final class LotMetrics {

    private LotMetrics() {
    }

    public static void bind(MeterRegistry registry, LiveLot lot, EngineReadings engine) {
        Gauge.builder("parkwatch.spots.free", lot, l -> l.view().free())
                .description("Spots a driver may take now").register(registry);
        Gauge.builder("parkwatch.lot.size", lot, l -> l.view().total())
                .description("Spots in the layout").register(registry);
        Gauge.builder("parkwatch.lot.live", lot, l -> l.view().live() ? 1 : 0)
                .description("1 while the camera watches and its newest sample is recent").register(registry);
        Gauge.builder("parkwatch.source.up", lot, l -> l.view().source().state() == SourceHealth.State.LIVE ? 1 : 0)
                .description("1 while the camera sends pictures").register(registry);
        FunctionCounter.builder("parkwatch.source.reconnects", engine, EngineReadings::reconnects)
                .description("Times the camera was lost and reconnecting began").register(registry);
        FunctionCounter.builder("parkwatch.frames.decoded", engine, EngineReadings::framesDecoded)
                .description("Frames read from the source").register(registry);
        FunctionCounter.builder("parkwatch.frames.analysed", engine, EngineReadings::framesAnalysed)
                .description("Sampled frames the tracker analysed").register(registry);
        FunctionTimer.builder("parkwatch.analysis", engine, EngineReadings::framesAnalysed,
                        EngineReadings::analysisNanos, TimeUnit.NANOSECONDS)
                .description("The tracker's time per analysed frame (a step)").register(registry);
    }

    /** Bookings counted by outcome: booked, extended, arrived, ended, cancelled, voided, no-show, and alerts. */
    public static void bind(MeterRegistry registry, BookingEvents events) {
        for (String outcome : List.of("booked", "extended", "arrived", "ended", "cancelled", "voided", "no-show", "alert")) {
            bookings(registry, outcome);
        }
        events.subscribe(e -> bookings(registry, e.outcome()).increment());
    }

    private static Counter bookings(MeterRegistry registry, String outcome) {
        return Counter.builder("parkwatch.bookings").tag("outcome", outcome)
                .description("Booking transitions by outcome").register(registry);
    }

    public static void bind(MeterRegistry registry, MqttPublisher mqtt) {
        FunctionCounter.builder("parkwatch.mqtt.dropped", mqtt, MqttPublisher::dropped)
                .description("Views and events not published: queue full, or the broker gone").register(registry);
        FunctionCounter.builder("parkwatch.mqtt.connections", mqtt, MqttPublisher::connections)
                .description("Connections made to the broker").register(registry);
    }

    public static void bind(MeterRegistry registry, WebhookSender webhooks) {
        FunctionCounter.builder("parkwatch.webhooks.dropped", webhooks, WebhookSender::dropped)
                .description("Changes not delivered: queue full, or every attempt failed").register(registry);
    }
}
