package com.parkwatch.ui;

import com.parkwatch.watch.LotWatch;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the kiosk on a lot until it is left. With no display, or for a screenshot, JavaFX runs on Monocle's headless
 * platform. The window is built from the lot it is given: no static hand-over, no Application subclass.
 */
public final class KioskLauncher {

    /** Held so that its level stays set: JavaFX's logger, which warns that it runs from the class path, as we ship it. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private KioskLauncher() {
    }

    /** Shows the kiosk until the operator (or the screenshot, or the q key in a window) leaves it. */
    public static KioskReport run(LotWatch watch, KioskOptions options) throws InterruptedException {
        if (options.screenshot() != null || !hasDisplay()) {
            WindowSize size = options.windowSize();
            useHeadlessPlatform(size != null ? size : WindowSize.SCREENSHOT);
        }
        JAVAFX_LOG.setLevel(Level.SEVERE);
        CountDownLatch left = new CountDownLatch(1);
        AtomicReference<KioskWindow> window = new AtomicReference<>();
        Platform.startup(() -> {
            KioskWindow w = new KioskWindow(watch, options, left::countDown);
            window.set(w);
            w.show(new Stage());
        });
        left.await();
        KioskReport report = window.get().report();
        Platform.exit();
        return report;
    }

    public static boolean hasDisplay() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** Monocle's headless screen, software rendering, large enough for every window the tests open (1920x1080). */
    public static void useHeadlessPlatform() {
        useHeadlessPlatform(new WindowSize(1920, 1080));
    }

    /** Monocle's headless screen at this size, software rendering; only before JavaFX starts. */
    public static void useHeadlessPlatform(WindowSize screen) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", screen.width() + "x" + screen.height() + "-32");
    }
}
