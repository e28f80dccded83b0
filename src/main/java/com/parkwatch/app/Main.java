package com.parkwatch.app;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.ui.KioskLauncher;
import com.parkwatch.ui.KioskSetup;
import com.parkwatch.vision.overlay.Annotator;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** The {@code parkwatch} command line; with no command it starts the kiosk. */
@Command(name = "parkwatch", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Parking-lot occupancy: which spots are free, from a camera, a video or the simulated lot.",
                "With no command, starts the kiosk (on the simulated lot unless --video says otherwise)."},
        subcommands = {AnalyzeCommand.class, ServeCommand.class, LayoutCommand.class, TrainCommand.class,
                EvaluateCommand.class, SelfTestCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--video", paramLabel = "V", defaultValue = "sim",
            description = "Source for the kiosk, as for analyze (default: ${DEFAULT-VALUE}, the simulated lot).")
    String video;

    @Option(names = "--mask", paramLabel = "M", description = "Spot mask or layout file; not needed for sim.")
    Path mask;

    @Option(names = "--loop-count", paramLabel = "K", defaultValue = "1", description = "Play a file K times.")
    int loopCount;

    @Mixin
    RtspTransportOption rtsp;

    @Mixin
    StepOption step;

    @Mixin
    ModelOption model;

    @Mixin
    StoreOptions store;

    @Option(names = "--kiosk", description = "Full screen, no exit hint, no escape key; the operator leaves with Ctrl+Alt+Q and --pin.")
    boolean kiosk;

    @Option(names = "--pin", paramLabel = "DIGITS", description = "The operator's PIN (4 to 12 digits) that leaves kiosk mode.")
    String pin;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Write a PNG of the whole window after --after-frames frames and exit (works with no display).")
    Path screenshot;

    @Option(names = "--after-frames", paramLabel = "N", defaultValue = "90",
            description = "Frames to show before --screenshot (default: ${DEFAULT-VALUE}).")
    long afterFrames;

    @Option(names = "--report", description = "At exit, print frames decoded, shown and dropped, and how long the FX thread spent in our code.")
    boolean report;

    @Mixin
    WebOptions webOptions;

    @Mixin
    BookingOptions bookingOptions;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 success, 1 bad input or failure, 2 bad usage. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new UserErrors());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli takes a missing @file for an argument and answers "Unmatched argument": name the file instead.
        for (String arg : args) {
            Path options = arg.length() > 1 && arg.startsWith("@") ? Path.of(arg.substring(1)) : null;
            if (options != null && !Files.isReadable(options)) {
                cli.getErr().println("parkwatch: cannot read the options file " + options + ": "
                        + (Files.exists(options) ? "it is not readable" : "no such file"));
                return 1;
            }
        }
        try {
            return cli.execute(args);
        } catch (Error e) {
            // A native library that does not load, memory exhausted: still one sentence, no stack trace.
            cli.getErr().println("parkwatch: unexpected failure (" + e + ")");
            return 1;
        }
    }

    @Override
    public Integer call() throws Exception {
        // Bad rules are refused before anything opens.
        BookingRules rules = bookingOptions.rules();
        if (kiosk && (pin == null || !pin.matches("\\d{4,12}"))) {
            throw new IllegalArgumentException("--kiosk needs --pin with the operator's PIN of 4 to 12 digits");
        }
        if (afterFrames < 1) {
            throw new IllegalArgumentException("--after-frames must be at least 1, got " + afterFrames);
        }
        try (FrameSource frames = SourceOptions.open(video, loopCount, rtsp.transport);
             JdbcBookingStore bookingStore = store.open()) {
            Layout layout = SourceOptions.layoutFor(frames, mask, video);
            LiveLot lot = new LiveLot(layout, Clock.systemUTC());
            BookingService bookings = new BookingService(bookingStore, lot::occupancyOf, Clock.systemUTC(), rules);
            LotPublisher publisher = new LotPublisher(lot, bookings, new Annotator(layout));
            CorrectionFolder corrections = store.corrections();
            try (OccupancyTracker tracker = new OccupancyTracker(layout, model.loadWithCorrections(corrections), step.settings());
                 WebServer web = webOptions.start(lot, bookings, publisher::latestJpeg)) {
                if (screenshot == null && !KioskLauncher.hasDisplay()) {
                    System.out.println(web == null
                            ? "no display: the kiosk runs headless (Ctrl-C stops; --screenshot shows it)"
                            : "no display: the kiosk runs headless; see the lot at http://" + webOptions.bind + ":" + web.port()
                                    + "/ (Ctrl-C stops)");
                }
                KioskLauncher.launch(new KioskSetup(frames, layout, tracker, lot, publisher, bookings, corrections, kiosk, pin, screenshot,
                        afterFrames, report));
            }
        }
        return 0;
    }
}
