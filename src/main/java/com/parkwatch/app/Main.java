package com.parkwatch.app;

import com.parkwatch.app.bench.BenchCommand;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.ui.KioskLauncher;
import com.parkwatch.ui.KioskOptions;
import com.parkwatch.ui.KioskReport;
import com.parkwatch.ui.WindowSize;
import com.parkwatch.ui.editor.SetupOptions;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** The {@code parkwatch} command line; with no command it starts the kiosk. */
@Command(name = "parkwatch", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Parking-lot occupancy: which spots are free, from a camera, a video or the simulated lot.",
                "With no command, starts the kiosk (on the simulated lot unless --video says otherwise)."},
        subcommands = {AnalyzeCommand.class, ServeCommand.class, LayoutCommand.class, TrainCommand.class,
                EvaluateCommand.class, SelfTestCommand.class, BenchCommand.class, ReportCommand.class})
public final class Main implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    /** Without --video: the simulated lot. */
    @Mixin
    CameraOptions cameras;

    @Mixin
    StepOption step;

    @Mixin
    ModelOption model;

    @Mixin
    StoreOptions store;

    @Option(names = "--kiosk", description = "Full screen, no exit hint, no escape key; the operator leaves with Ctrl+Alt+Q and --pin.")
    boolean kiosk;

    @Option(names = "--pin", paramLabel = "DIGITS", description = "The operator's PIN (4 to 12 digits), in plain text: for development; use --pin-hash.")
    String pin;

    @Option(names = "--pin-hash", paramLabel = "HASH",
            description = "The operator's PIN as pbkdf2-sha256:ITERATIONS:SALT_HEX:HASH_HEX (the package's postinst writes it).")
    String pinHash;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Write a PNG of the whole window after --after-frames frames and exit (works with no display).")
    Path screenshot;

    @Option(names = "--after-frames", paramLabel = "N", defaultValue = "90",
            description = "Frames to show before --screenshot (default: ${DEFAULT-VALUE}).")
    long afterFrames;

    @Option(names = "--setup", description = "Start the kiosk in its layout editor, to draw the lot's bays on a still of the camera.")
    boolean setup;

    @Option(names = "--save-layout", paramLabel = "FILE",
            description = "Where the layout editor saves (default: --mask when it is a .json layout, else DATA_DIR/layout.json).")
    Path saveLayout;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "The kiosk's language at start: en or de (default: ${DEFAULT-VALUE}); a button on screen changes it.")
    String language;

    @Option(names = "--size", paramLabel = "WxH",
            description = "The window's size, from 1024x768 up (default: the screen's; 1600x900 for --screenshot).")
    String size;

    @Option(names = "--report", description = "At exit, print frames decoded, shown and dropped, and how long the FX thread spent in our code.")
    boolean report;

    @Mixin
    WebOptions webOptions;

    @Mixin
    BookingOptions bookingOptions;

    @Mixin
    HistoryOption history;

    @Mixin
    IntegrationOptions integrationOptions;

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
        // Bad options are refused before anything opens.
        BookingRules rules = bookingOptions.rules();
        history.retention();
        IntegrationOptions.Settings integrationSettings = integrationOptions.settings(store.lotId());
        String operatorPin = pinHash != null ? pinHash : pin;
        List<CameraOptions.Camera> watched = cameras.cameras("sim");
        Path mask = watched.get(0).mask();
        KioskOptions shown = new KioskOptions(kiosk, operatorPin, screenshot, afterFrames, "")
                .withLanguage(Locale.forLanguageTag(language.strip().toLowerCase(Locale.ROOT)))
                .withSize(size == null ? null : WindowSize.parse(size))
                .withSetup(setupOptions(mask));
        webOptions.checkPort();
        try (JdbcBookingStore bookingStore = store.open();
             LotWatch watch = LotOptions.open(watched, cameras.loopCount, cameras.rtsp.transport, model, step, store,
                     rules, bookingStore);
             Integrations integrations = Integrations.start(integrationSettings, watch)) {
            history.applyTo(watch);
            WebServer web = null;
            try {
                web = webOptions.start(watch, store.dataDir(), integrations.webRoutes());
            } catch (WebOptions.CannotListen e) {
                // The kiosk is for the people at the lot: it runs without its web pages and says why.
                LOG.warn("the web pages are off: {}", e.getMessage());
                shown = shown.withWeb(null, e.getMessage());
            }
            if (web != null) {
                shown = shown.withWeb(phoneBase(web.port()), "");
            } else if (shown.webNotice().isEmpty()) {
                shown = shown.withWeb(null, "--port -1");
            }
            try {
                if (screenshot == null && !KioskLauncher.hasDisplay()) {
                    System.out.println(web == null
                            ? "no display: the kiosk runs headless (Ctrl-C stops; --screenshot shows it)"
                            : "no display: the kiosk runs headless; see the lot at http://" + webOptions.bind + ":" + web.port()
                                    + "/ (Ctrl-C stops)");
                }
                KioskReport done;
                try (SystemdWatchdog watchdog = SystemdWatchdog.start(watch::lastProgressNanos)) {
                    done = KioskLauncher.run(watch, shown);
                }
                if (report) {
                    done.lines().forEach(System.out::println);
                }
            } finally {
                if (web != null) {
                    web.close();
                }
            }
        }
        return 0;
    }

    /**
     * The editor (camera 1's layout) saves over camera 1's JSON --mask, else beside the bookings; it offers the files
     * beside both to import.
     */
    private SetupOptions setupOptions(Path mask) {
        boolean jsonMask = mask != null && mask.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Path saveTo = saveLayout != null ? saveLayout : jsonMask ? mask : store.dataDir().resolve("layout.json");
        Set<Path> folders = new LinkedHashSet<>();
        if (mask != null) {
            folders.add(mask.toAbsolutePath().getParent());
        }
        folders.add(saveTo.toAbsolutePath().getParent());
        folders.add(store.dataDir().toAbsolutePath());
        return new SetupOptions(setup, saveTo, List.copyOf(folders));
    }

    /**
     * Where a phone reaches the web pages, for the receipt's QR code: the address they listen on, or, listening on
     * every network, this machine's first site-local IPv4 address (a phone on the lot's network reaches that one).
     */
    private String phoneBase(int port) {
        String host = webOptions.bind;
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                host = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                        .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                        .filter(a -> a instanceof Inet4Address && a.isSiteLocalAddress())
                        .map(InetAddress::getHostAddress).findFirst().orElse("127.0.0.1");
            }
        } catch (java.io.IOException e) {
            LOG.warn("cannot read this machine's addresses for the receipt's QR code: {}", e.getMessage());
        }
        return (webOptions.tlsCert != null ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + port;
    }
}
