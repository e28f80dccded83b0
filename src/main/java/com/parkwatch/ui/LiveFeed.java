package com.parkwatch.ui;

import com.parkwatch.lot.Layout;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.effect.Effect;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The annotated live feed: on each screen pulse it shows the newest frame from the hand-off, if any, keeping the
 * aspect ratio (letterboxed). It counts frames shown, for the header and for screenshots. A tap on a spot in the
 * picture reports that spot, as a tap on the map does.
 */
final class LiveFeed extends StackPane {

    private final ImageView view = new ImageView();
    private final FrameHandOff<FeedBuffer> frames;
    /**
     * Pulses to draw before a file starts playing: the window's first pulses lay out and draw the whole scene and
     * its first state (80-120 ms each), and frames handed over meanwhile would be lost.
     */
    private static final int PULSES_BEFORE_PLAYING = 3;

    private final AnimationTimer pulse;
    private long pulses;
    private long shown;
    private long countedAt = System.nanoTime();
    private long shownAtCount;

    /**
     * One camera's feed.
     *
     * @param camera  its layout, whose spots a tap picks from
     * @param live    whether its spots are current: the picture is dimmed while they are not
     * @param onFrame told of each frame shown
     * @param onReady told once, when the scene's first pulses are drawn and frames can be shown as they come
     * @param onSpot  told of the spot a tap on the picture fell on
     */
    LiveFeed(FrameHandOff<FeedBuffer> frames, LotViewModel model, Supplier<Layout> camera, ObservableBooleanValue live,
             FxTimings timings, Runnable onFrame, Runnable onReady, IntConsumer onSpot) {
        this.frames = frames;
        setId(Ids.FEED);
        // The picture's own coordinates: the ImageView is as large as the picture is shown, wherever it is centred.
        // The camera's layout: the tap is scaled from the picture's width as it is shown.
        view.setOnMouseClicked(e -> SpotAt.tap(camera.get(), e.getX(), e.getY(), view.getBoundsInLocal().getWidth())
                .ifPresent(spot -> onSpot.accept(spot.id())));
        getStyleClass().add("feed");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.fitWidthProperty().bind(widthProperty());
        view.fitHeightProperty().bind(heightProperty());
        // A picture the camera no longer updates is shown dimmed and without colour: its boxes are not the lot now.
        ColorAdjust stale = new ColorAdjust(0, -1, -0.35, 0);
        view.effectProperty().bind(Bindings.when(live).then((Effect) null).otherwise(stale));
        setMinSize(0, 0);
        getChildren().add(view);
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (++pulses == PULSES_BEFORE_PLAYING) {
                    onReady.run();
                }
                long started = System.nanoTime();
                FeedBuffer next = frames.take();
                if (next != null) {
                    next.pixels.updateBuffer(buffer -> null);
                    if (view.getImage() != next.image) {
                        view.setImage(next.image);
                    }
                    shown++;
                }
                if (now - countedAt >= 1_000_000_000L) {
                    if (isVisible()) {
                        // Of several cameras' feeds, the one on screen says its rate.
                        model.setFramesPerSecond((shown - shownAtCount) * 1e9 / (now - countedAt));
                    }
                    countedAt = now;
                    shownAtCount = shown;
                }
                timings.record(started);
                if (next != null) {
                    // After the timing: this may take the exit screenshot, which is not the kiosk's normal work.
                    onFrame.run();
                }
            }
        };
    }

    void start() {
        pulse.start();
    }

    void stop() {
        pulse.stop();
    }

    boolean shows(javafx.scene.image.Image image) {
        return view.getImage() == image;
    }

    long framesShown() {
        return shown;
    }
}
