package com.parkwatch.ui.editor;

import com.parkwatch.ui.BackgroundTasks;
import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** As the kiosk's tasks: the work on another thread, its outcome on the FX thread. */
final class OffTheFxThread implements BackgroundTasks {
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Thread t = new Thread(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
