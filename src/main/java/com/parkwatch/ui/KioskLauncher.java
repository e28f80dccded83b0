package com.parkwatch.ui;

import javafx.application.Application;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kiosk from the class path (the Application class itself cannot be the main class there). With no
 * display, or for a screenshot, JavaFX runs on Monocle's headless platform.
 */
public final class KioskLauncher {

    /** Held so that its level stays set: JavaFX's logger, which warns that it runs from the class path, as we ship it. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private KioskLauncher() {
    }

    /** Runs the kiosk until its window closes. */
    public static void launch(KioskSetup setup) {
        if (setup.screenshot() != null || !hasDisplay()) {
            useHeadlessPlatform();
        }
        JAVAFX_LOG.setLevel(Level.SEVERE);
        KioskApp.setup = setup;
        Application.launch(KioskApp.class);
    }

    public static boolean hasDisplay() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** Monocle's headless screen, software rendering, at the kiosk's window size. */
    public static void useHeadlessPlatform() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", (int) KioskApp.WIDTH + "x" + (int) KioskApp.HEIGHT + "-32");
    }
}
