package com.parkwatch.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work at once on the caller's thread: a view model driven by a plain JUnit test, no FX thread. */
public final class CurrentThreadTasks implements BackgroundTasks {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
