package com.parkwatch.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the kiosk runs slow work (the bookings database) off the FX thread: the work runs elsewhere and its
 * outcome comes back where the view models live. The kiosk uses {@link FxBackgroundTasks}; tests pass one that runs
 * everything at once on their own thread, so a plain JUnit test drives a view model.
 */
public interface BackgroundTasks {

    /** Runs {@code work}, then tells {@code onSuccess} its result or {@code onFailure} what it threw. */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
