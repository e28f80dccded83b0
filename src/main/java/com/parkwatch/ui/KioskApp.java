package com.parkwatch.ui;

import com.parkwatch.lot.Layout;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The kiosk: live annotated feed, the grid of spot tiles and the header, over the engine running in a Service. */
public final class KioskApp extends Application {

    public static final double WIDTH = 1600;
    public static final double HEIGHT = 900;
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);
    /** The first seconds on screen, while the scene's first layouts and the JIT settle: their drops counted apart. */
    private static final java.time.Duration SETTLING = java.time.Duration.ofSeconds(3);

    /** Handed over by {@link KioskLauncher} before launch: JavaFX creates the Application itself. */
    static volatile KioskSetup setup;
    /** The running instance, for tests that drive the real app. */
    static volatile KioskApp running;

    private LotViewModel model;
    private EngineService engine;
    private LiveFeed feed;
    private FeedBuffer[] buffers;
    private Stage stage;
    private BookingPanel bookingPanel;
    private FrameHandOff<FeedBuffer> handOff;
    private final FxTimings timings = new FxTimings();
    private long startedNanos;
    private Instant firstFrameShown;
    /** Dropped before the first frame reached the screen: a camera's frames while the window was being built. */
    private long droppedBeforeScreen;
    /** Dropped up to the end of {@link #SETTLING}, or -1 before. */
    private long droppedSettling = -1;
    /** Database work of the booking dialog, off the FX thread. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bookings");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void start(Stage primary) {
        KioskSetup s = setup;
        stage = primary;
        model = new LotViewModel(s.layout());
        Layout shown = FeedSize.forScreen(s.layout(), s.fullScreen() ? Screen.getPrimary().getBounds().getWidth() : WIDTH,
                s.fullScreen() ? Screen.getPrimary().getBounds().getHeight() : HEIGHT);
        int w = shown.width();
        int h = shown.height();
        buffers = new FeedBuffer[]{new FeedBuffer(w, h), new FeedBuffer(w, h), new FeedBuffer(w, h)};
        FrameHandOff<FeedBuffer> handOff = new FrameHandOff<>(buffers[0], buffers[1], buffers[2]);
        this.handOff = handOff;
        // A lambda, not engine::screenReady: the engine is made on the next line.
        feed = new LiveFeed(handOff, model, timings, this::frameShown, () -> engine.screenReady());
        engine = new EngineService(s, shown, handOff, model, timings);
        // Started before the scene is built: the engine's first frame and first look at every spot (a second on
        // cold code) then overlap with building the scene on the other core. A file then waits for the screen to
        // be ready; a camera's frames done before are dropped by the hand-off, as any the screen cannot keep up with.
        startedNanos = System.nanoTime();
        engine.setOnSucceeded(e -> screenshotAndExit());
        engine.start();
        bookingPanel = new BookingPanel(s.bookings(), this::freeSpots, background, engine::reservationsChanged);
        HistoryPanel history = new HistoryPanel(model);
        CorrectionPanel correction = new CorrectionPanel(engine::correct);
        SpotGrid grid = new SpotGrid(model, tile -> {
            if (model.correctingProperty().get()) {
                correction.open(tile);
            } else if (tile.stateProperty().get() == TileState.FREE) {
                bookingPanel.book(tile.id());
            } else {
                history.showSpot(tile);
            }
        });
        SplitPane body = new SplitPane(feed, grid);
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(FeedSize.FEED_SHARE);
        BorderPane main = new BorderPane(body);
        Button cancelBooking = new Button("Cancel a booking");
        cancelBooking.setId("open-cancel");
        cancelBooking.setMinWidth(Region.USE_PREF_SIZE);
        cancelBooking.setOnAction(e -> bookingPanel.cancel());
        Header header = new Header(model);
        HBox.setHgrow(header, Priority.ALWAYS);
        Button showHistory = new Button("History");
        showHistory.setId("open-history");
        showHistory.setOnAction(e -> history.showLot());
        HBox top = new HBox(12, header, showHistory, cancelBooking);
        top.getStyleClass().add("top");
        top.setAlignment(Pos.CENTER);
        main.setTop(new VBox(top, correctingBanner()));
        StackPane root = new StackPane(main, bookingPanel, history, correction);
        OperatorPad operatorPad = s.fullScreen() ? new OperatorPad(s.operatorPin(), () -> model.setCorrecting(true)) : null;
        if (operatorPad != null) {
            root.getChildren().add(operatorPad);
        }

        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(KioskApp.class.getResource("/ui/kiosk.css").toExternalForm());
        if (s.fullScreen()) {
            primary.setFullScreenExitHint("");
            primary.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            KeyCombination operator = KeyCombination.keyCombination("Ctrl+Alt+Q");
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (operator.match(e)) {
                    operatorPad.open();
                    e.consume();
                }
            });
        } else {
            scene.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.Q) {
                    Platform.exit();
                } else if (e.getCode() == KeyCode.C) {
                    model.setCorrecting(!model.correctingProperty().get());
                }
            });
        }
        primary.setTitle("ParkWatch");
        primary.setScene(scene);
        // Lays the scene out and draws it once before it shows: the first pulses on screen then take less long.
        scene.snapshot(null);
        primary.show();
        // After show: a window must exist (and, on Monocle, have focus) before it can go full screen.
        primary.setFullScreen(s.fullScreen());

        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(Instant.now())));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        feed.start();
        running = this;
    }

    private void frameShown() {
        if (feed.framesShown() == 1) {
            firstFrameShown = Instant.now();
            droppedBeforeScreen = handOff.dropped();
        } else if (droppedSettling < 0 && Instant.now().isAfter(firstFrameShown.plus(SETTLING))) {
            droppedSettling = handOff.dropped();
        }
        if (feed.framesShown() == setup.afterFrames()) {
            screenshotAndExit();
        }
    }

    /** Writes the screenshot, if one was asked for, and exits; also when the source ends before enough frames. */
    private void screenshotAndExit() {
        KioskSetup s = setup;
        if (s.screenshot() != null && running != null) {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", s.screenshot().toFile());
            } catch (IOException e) {
                LOG.error("cannot write the screenshot {}: {}", s.screenshot(), e.getMessage());
            }
            Platform.exit();
        }
    }

    @Override
    public void stop() {
        running = null;
        if (setup.report() && feed != null) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            System.out.printf("kiosk: %d frames decoded, %d shown, %d dropped (%d before the first reached the screen,"
                            + " %d in its first %d s there) in %.1f s (%.1f shown/s, source %.1f/s); %s%n",
                    engine.framesDecoded(), feed.framesShown(), handOff.dropped(), droppedBeforeScreen,
                    (droppedSettling < 0 ? handOff.dropped() : droppedSettling) - droppedBeforeScreen,
                    SETTLING.toSeconds(), seconds,
                    feed.framesShown() / seconds, setup.source().frameRate(), timings.summary());
            if (firstFrameShown != null) {
                // The JVM's start, not ProcessHandle's: that one is rounded to the boot time's whole second.
                Instant launched = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
                System.out.printf("kiosk: first frame on screen %.2f s after the process started%n",
                        java.time.Duration.between(launched, firstFrameShown).toMillis() / 1000.0);
            }
        }
        if (feed != null) {
            feed.stop();
        }
        if (engine != null) {
            engine.cancel();
        }
        background.shutdownNow();
    }

    /** Shown while the operator corrects tiles: what a tap does now, and the way back. */
    private HBox correctingBanner() {
        Label hint = new Label("Correcting: tap a tile whose state is wrong and say what is there.");
        Button done = new Button("Done");
        done.setId("correcting-done");
        done.setOnAction(e -> model.setCorrecting(false));
        HBox banner = new HBox(16, hint, done);
        banner.setId("correcting");
        banner.getStyleClass().add("correcting");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(model.correctingProperty());
        banner.managedProperty().bind(model.correctingProperty());
        return banner;
    }

    private List<Integer> freeSpots() {
        return model.tiles().stream().filter(t -> t.stateProperty().get() == TileState.FREE).map(SpotTile::id).toList();
    }

    /** The frame on screen now. */
    FeedBuffer shownFrame() {
        for (FeedBuffer b : buffers) {
            if (feed.shows(b.image)) {
                return b;
            }
        }
        throw new IllegalStateException("no frame is on screen yet");
    }

    LotViewModel model() {
        return model;
    }

    Stage stage() {
        return stage;
    }
}
