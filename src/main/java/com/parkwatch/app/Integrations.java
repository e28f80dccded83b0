package com.parkwatch.app;

import com.parkwatch.lot.LiveLot;
import com.parkwatch.publish.BookingEvents;
import com.parkwatch.publish.EngineReadings;
import com.parkwatch.publish.LotMetrics;
import com.parkwatch.publish.MqttPublisher;
import com.parkwatch.publish.WebhookSender;
import com.parkwatch.vision.track.EngineCounters;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.web.HttpMetrics;
import com.parkwatch.web.MetricsRoute;
import com.parkwatch.web.NgsiLdApi;
import com.parkwatch.web.OperatorToken;
import com.parkwatch.web.ParkApi;
import com.parkwatch.web.WebRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lot's publishers, built in one place from the options for the kiosk and serve: booking events, MQTT, webhooks
 * and the metrics, and the web routes that go with them (open data, /metrics). Closed before the watch.
 */
final class Integrations implements AutoCloseable {

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<WebRoutes> routes = new ArrayList<>();
    /** Held here: the metrics' function meters only keep a weak reference to what they read. */
    private EngineReadings readings;

    private Integrations() {
    }

    static Integrations start(IntegrationOptions.Settings settings, LotWatch watch) {
        Integrations built = new Integrations();
        try {
            built.build(settings, watch);
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
        return built;
    }

    private void build(IntegrationOptions.Settings settings, LotWatch watch) {
        LiveLot lot = watch.lot();
        routes.add(new NgsiLdApi(lot, settings.identity()));
        routes.add(new ParkApi(lot, settings.identity(), Clock.systemUTC()));
        PrometheusMeterRegistry registry = null;
        if (settings.metricsTokenFile() != null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            readings = readings(watch);
            LotMetrics.bind(registry, lot, readings);
            try {
                routes.add(new MetricsRoute(registry, OperatorToken.readOrCreate(settings.metricsTokenFile())));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read or create the metrics token "
                        + settings.metricsTokenFile() + ": " + e.getMessage());
            }
            routes.add(new HttpMetrics(registry));
        }
        Optional<BookingEvents> events = Optional.empty();
        if (registry != null || settings.mqtt() != null || settings.webhooks() != null) {
            BookingEvents bookingEvents = new BookingEvents(watch.bookings(), Clock.systemUTC());
            running.add(bookingEvents);
            events = Optional.of(bookingEvents);
            if (registry != null) {
                LotMetrics.bind(registry, bookingEvents);
            }
        }
        if (settings.mqtt() != null) {
            MqttPublisher mqtt = new MqttPublisher(settings.mqtt(), settings.identity(), lot).start(events);
            running.add(mqtt);
            if (registry != null) {
                LotMetrics.bind(registry, mqtt);
            }
        }
        if (settings.webhooks() != null) {
            WebhookSender hooks = new WebhookSender(settings.webhooks(), settings.identity(), lot, Clock.systemUTC())
                    .start(events);
            running.add(hooks);
            if (registry != null) {
                LotMetrics.bind(registry, hooks);
            }
        }
        events.ifPresent(BookingEvents::start);
    }

    /** The engines' counters as the metrics read them, at each scrape: the lot's, over every camera. */
    private static EngineReadings readings(LotWatch watch) {
        List<EngineCounters> counters = watch.counters();
        return new EngineReadings() {
            @Override
            public long framesDecoded() {
                return counters.stream().mapToLong(EngineCounters::framesDecoded).sum();
            }

            @Override
            public long framesAnalysed() {
                return counters.stream().mapToLong(EngineCounters::framesAnalysed).sum();
            }

            @Override
            public long analysisNanos() {
                return counters.stream().mapToLong(EngineCounters::analysisNanos).sum();
            }

            @Override
            public long reconnects() {
                return watch.reconnects();
            }
        };
    }

    /** Routes for the web server: open data always, /metrics when asked for. */
    List<WebRoutes> webRoutes() {
        return List.copyOf(routes);
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Integrations.class).warn("a publisher did not close: {}", e.getMessage());
            }
        }
    }
}
