package com.parkwatch.app;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.vision.overlay.Annotator;
import com.parkwatch.vision.track.EngineLoop;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.video.SourceStatus;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Watch the lot and serve its status, the home page, the booking page and the JSON API, without a display.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    SourceOptions source;

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

    @Override
    public Integer call() throws Exception {
        // Bad rules are refused before anything opens.
        BookingRules rules = bookingOptions.rules();
        TrackerSettings settings = step.settings();
        try (FrameSource frames = source.open();
             JdbcBookingStore bookingStore = store.open()) {
            Layout layout = source.layoutFor(frames);
            LiveLot lot = new LiveLot(layout, Clock.systemUTC());
            BookingService bookings = new BookingService(bookingStore, lot::occupancyOf, Clock.systemUTC(), rules);
            LotPublisher publisher = new LotPublisher(lot, bookings, new Annotator(layout));
            try (OccupancyTracker tracker = new OccupancyTracker(layout, model.loadWithCorrections(store.corrections()), settings);
                 WebServer web = webOptions.start(lot, bookings, publisher::latestJpeg)) {
                if (web == null) {
                    throw new IllegalArgumentException("serve needs a port: --port -1 turns the server off");
                }
                Thread engine = new Thread(new EngineLoop(frames, tracker, publisher, ServeCommand::report), "engine");
                engine.setDaemon(true);
                engine.start();
                System.out.printf("serving http://%s:%d/ (Ctrl-C stops)%n", webOptions.bind, web.port());
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                stopped.await();
                engine.interrupt();
            }
        }
        return 0;
    }

    private static void report(SourceStatus status) {
        if (status.state() != SourceStatus.State.RUNNING) {
            LOG.warn("source {}: {}", status.state().name().toLowerCase(), status.reason());
        }
    }
}
