package com.parkwatch.app;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Watch the lot and serve its status, the home page, the booking page and the JSON API, without a display.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CameraOptions cameras;

    @Mixin
    ModelOption model;

    @Mixin
    StoreOptions store;

    @Mixin
    StepOption step;

    @Mixin
    WebOptions webOptions;

    @Mixin
    BookingOptions bookingOptions;

    @Mixin
    HistoryOption history;

    @Mixin
    IntegrationOptions integrationOptions;

    @Override
    public Integer call() throws Exception {
        // Bad options are refused before anything opens.
        BookingRules rules = bookingOptions.rules();
        history.retention();
        IntegrationOptions.Settings integrationSettings = integrationOptions.settings(store.lotId());
        List<CameraOptions.Camera> watched = cameras.cameras(null);
        if (webOptions.port == -1) {
            throw new IllegalArgumentException("serve needs a port: --port -1 turns the server off");
        }
        webOptions.checkPort();
        webOptions.checkAddress();
        try (JdbcBookingStore bookingStore = store.open();
             LotWatch watch = LotOptions.open(watched, cameras.loopCount, cameras.rtsp.transport, model, step, store,
                     rules, bookingStore);
             Integrations integrations = Integrations.start(integrationSettings, watch);
             WebServer web = webOptions.start(watch, store.dataDir(), integrations.webRoutes());
             SystemdWatchdog watchdog = SystemdWatchdog.start(watch::lastProgressNanos)) {
            history.applyTo(watch);
            watch.start();
            System.out.printf("serving http://%s:%d/ (Ctrl-C stops)%n", webOptions.bind, web.port());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
