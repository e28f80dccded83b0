package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.Occupancy;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import java.io.ByteArrayInputStream;
import java.util.function.BiConsumer;

/**
 * The operator's correction of one tile: the spot's picture from the latest sampled frame, large, what the camera
 * says, and two large buttons for what is really there. The engine learns the spot's picture, so that this camera
 * answers so from now on. Correcting ends by itself after {@link #IDLE} without a tap, so that a driver who comes to
 * the kiosk later does not find it waiting.
 */
final class CorrectionPanel extends Dialog {

    static final Duration IDLE = Duration.seconds(60);
    /** How much of the spot's surroundings the crop shows on each side, as a share of its size. */
    private static final double MARGIN = 0.25;
    private static final double CROP_SIZE = 360;

    private final Label title = new Label();
    private final Label says = new Label();
    private final ImageView crop = new ImageView();
    private final BiConsumer<Integer, Occupancy> correct;
    private final SpotPictures pictures;
    private final BackgroundTasks tasks;
    private final Texts texts;
    private final PauseTransition idle;
    private int spotId;

    /** Where a spot is seen: its camera's latest sampled frame, and the spot's box in that frame's pixels. */
    interface SpotPictures {
        /** Null before the camera's first sample; read off the FX thread. */
        byte[] latestJpeg(int spotId);

        Box box(int spotId);
    }

    /**
     * @param correct    told the spot number and its right state
     * @param correcting whether the operator is correcting; set back to false by {@code stop} after {@link #IDLE}
     * @param pictures   each spot's camera's latest sampled frame, whose spot is cropped, and its box there
     * @param idleFor    how long correcting waits for a tap: {@link #IDLE} on the kiosk
     */
    CorrectionPanel(BiConsumer<Integer, Occupancy> correct, ObservableBooleanValue correcting, Runnable stop,
                    SpotPictures pictures, BackgroundTasks tasks, Texts texts, Duration idleFor) {
        this.correct = correct;
        this.texts = texts;
        this.pictures = pictures;
        this.tasks = tasks;
        idle = new PauseTransition(idleFor);
        title.getStyleClass().add("dialog-title");
        says.setId(Ids.CORRECTION_SAYS);
        crop.setId(Ids.CORRECTION_CROP);
        crop.setFitWidth(CROP_SIZE);
        crop.setFitHeight(CROP_SIZE);
        crop.setPreserveRatio(true);
        Button free = button(texts, "correct.free", Ids.CORRECT_FREE, () -> choose(Occupancy.FREE));
        free.getStyleClass().add("choice");
        Button occupied = button(texts, "correct.occupied", Ids.CORRECT_OCCUPIED, () -> choose(Occupancy.OCCUPIED));
        occupied.getStyleClass().add("choice");
        Label question = new Label();
        question.textProperty().bind(texts.bind("correct.question"));
        getChildren().add(card(texts.bind("correct.title"), title, crop, says, question, new HBox(12, free, occupied),
                button(texts, "correct.cancel", Ids.CORRECT_CANCEL, this::close)));
        idle.setOnFinished(e -> {
            close();
            stop.run();
        });
        correcting.addListener((o, was, is) -> {
            if (is) {
                idle.playFromStart();
            } else {
                idle.stop();
            }
        });
    }

    void open(SpotTile tile) {
        idle.playFromStart();
        spotId = tile.id();
        title.textProperty().bind(texts.bind("correct.spot", String.valueOf(spotId)));
        SpotState state = tile.stateProperty().get();
        says.textProperty().bind(texts.bind(() -> texts.get("correct.says", texts.state(state))));
        crop.setImage(null);
        int asked = spotId;
        Box box = pictures.box(spotId);
        tasks.run(() -> {
            byte[] jpeg = pictures.latestJpeg(asked);
            return jpeg == null ? null : new Image(new ByteArrayInputStream(jpeg));
        }, frame -> {
            if (frame != null && asked == spotId) {
                crop.setImage(frame);
                crop.setViewport(around(box, frame.getWidth(), frame.getHeight()));
            }
        }, failure -> says.textProperty().bind(texts.bind(() -> texts.get("correct.says.no.picture", texts.state(state)))));
        showCard(getChildren().get(0));
    }

    /** The spot's box with a margin, inside the frame. */
    private static Rectangle2D around(Box box, double width, double height) {
        double mx = box.width() * MARGIN;
        double my = box.height() * MARGIN;
        double x = Math.max(0, box.x() - mx);
        double y = Math.max(0, box.y() - my);
        return new Rectangle2D(x, y, Math.min(width, box.x() + box.width() + mx) - x,
                Math.min(height, box.y() + box.height() + my) - y);
    }

    private void choose(Occupancy truth) {
        idle.playFromStart();
        correct.accept(spotId, truth);
        close();
    }
}
