package com.parkwatch.ui;

import javafx.application.Application;

/**
 * Starts the kiosk from the class path (the Application class itself cannot be the main class there). With no
 * display, or for a screenshot, JavaFX runs on Monocle's headless platform.
 */
public final class KioskLauncher {

    private KioskLauncher() {
    }

    /** Runs the kiosk until its window closes. */
    public static void launch(KioskSetup setup) {
        if (setup.screenshot() != null || !hasDisplay()) {
            useHeadlessPlatform();
        }
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
