package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Correcting ends by itself when nobody taps, so that a driver coming later cannot open the correction dialog. */
class CorrectionTimeoutTest {

    private static final SimpleBooleanProperty correcting = new SimpleBooleanProperty();

    @BeforeAll
    static void show() throws Exception {
        KioskLauncher.useHeadlessPlatform();
        FxToolkit.registerPrimaryStage();
        Layout layout = new Layout(640, 480, List.of(Spot.ofBox(1, new Box(10, 10, 50, 100))));
        FxToolkit.setupStage(stage -> {
            CorrectionPanel panel = new CorrectionPanel((spot, truth) -> { }, correcting, () -> correcting.set(false),
                    new CorrectionPanel.SpotPictures() {
                        @Override
                        public byte[] latestJpeg(int spotId) {
                            return null;
                        }

                        @Override
                        public Box box(int spotId) {
                            return layout.spots().get(layout.indexOf(spotId)).box();
                        }
                    }, new CurrentThreadTasks(), new Texts(java.util.Locale.ENGLISH), Duration.seconds(1));
            stage.setScene(new Scene(new StackPane(panel), 800, 600));
            stage.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void correctingEndsAfterTheIdleTimeWithoutATap() throws Exception {
        FxToolkit.setupFixture(() -> correcting.set(true));
        Thread.sleep(300);
        assertTrue(correcting.get(), "still correcting before the idle time");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !correcting.get());
    }
}
