package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.Palette;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import com.parkwatch.ui.editor.LayoutEditor;
import com.parkwatch.watch.CameraWatch;
import com.parkwatch.watch.LotWatch;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The kiosk's window, built from a running lot: the live annotated feed, the grid of spot tiles, the header, the
 * banners, the dialogs and the operator's keys. It starts the lot's engine as it builds itself, so the engine's
 * first look at every spot overlaps with building the scene.
 */
final class KioskWindow {

    /** The sizes the style sheet is written for: larger and smaller windows scale its type. */
    private static final double DESIGN_WIDTH = 1600;
    private static final double DESIGN_HEIGHT = 900;
    private static final double BASE_FONT = 18;
    private static final Logger LOG = LoggerFactory.getLogger(KioskWindow.class);
    /** The first seconds on screen, while the scene's first layouts and the JIT settle: their drops counted apart. */
    private static final java.time.Duration SETTLING = java.time.Duration.ofSeconds(3);

    private final LotWatch watch;
    private final KioskOptions options;
    private final Runnable exit;
    private final LotViewModel model;
    private final Texts texts;
    private final FxTimings timings = new FxTimings();
    private final FxBackgroundTasks tasks = new FxBackgroundTasks();
    /** Camera 1's: the screenshot, the report and the frame on screen follow it. */
    private FeedPainter painter;
    private LiveFeed feed;
    /** Every camera's feed, in camera order; one is shown at a time. */
    private final List<LiveFeed> feeds = new ArrayList<>();
    private OperatorPad operatorPad;
    private LotToScreen toScreen;
    private Stage stage;
    private Timeline clock;
    private long startedNanos;
    private Instant firstFrameShown;
    private long droppedBeforeScreen;
    /** Dropped up to the end of {@link #SETTLING}, or -1 before. */
    private long droppedSettling = -1;
    private boolean exiting;
    /** Where a tap on the feed goes: set once the dialogs exist. */
    private java.util.function.IntConsumer tappedOnFeed;

    /** @param exit leaves the kiosk: called once, after the window has done its own closing */
    KioskWindow(LotWatch watch, KioskOptions options, Runnable exit) {
        this.watch = watch;
        this.options = options;
        this.exit = exit;
        this.texts = new Texts(options.language());
        // With several cameras the map shows their spots side by side; the list shows them all.
        this.model = new LotViewModel(SideBySide.of(watch.layouts()), texts);
    }

    void show(Stage primary) {
        stage = primary;
        boolean full = options.fullScreen();
        Rectangle2D screen = full ? Screen.getPrimary().getBounds() : Screen.getPrimary().getVisualBounds();
        WindowSize asked = options.windowSize();
        double width = asked != null ? asked.width() : screen.getWidth();
        double height = asked != null ? asked.height() : screen.getHeight();
        for (CameraWatch camera : watch.cameras()) {
            feeds.add(feedOf(camera, width, height));
        }
        feed = feeds.get(0);
        startedNanos = System.nanoTime();
        watch.start();

        StackPane root = root();
        // Type follows the window: the style sheet's sizes are in em of this, written for 1600x900.
        double scale = Math.max(0.75, Math.min(2.4, Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT)));
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * scale));
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(KioskWindow.class.getResource("/ui/kiosk.css").toExternalForm());
        scene.getStylesheets().add("data:text/css;base64," + Base64.getEncoder().encodeToString(
                Palette.css("-fx-background-color").getBytes(StandardCharsets.UTF_8)));
        installKeys(scene, primary);
        primary.setTitle("ParkWatch");
        primary.setScene(scene);
        if (!full && asked == null) {
            // A window of the screen's size where the window manager puts it, never its 200x200 default.
            primary.setX(screen.getMinX());
            primary.setY(screen.getMinY());
            primary.setMaximized(true);
        }
        // Lays the scene out and draws it once before it shows: the first pulses on screen then take less long.
        scene.snapshot(null);
        primary.show();
        if (!full && asked != null) {
            // Of the size asked for, wholly on the screen where it fits.
            primary.centerOnScreen();
        }
        // After show: a window must exist (and, on Monocle, have focus) before it can go full screen.
        primary.setFullScreen(full);

        toScreen = new LotToScreen(watch.lot(), model, timings);
        toScreen.start();
        watch.lot().subscribe(this::sourceEnded);
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            Instant now = Instant.now();
            model.tick(now);
            toScreen.refresh(now);
        }));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        feeds.forEach(LiveFeed::start);
    }

    /**
     * A camera's feed: its frames drawn on its engine thread with its spots' states, its boxes redrawn when the
     * operator saves its layout (and the map with them).
     */
    private LiveFeed feedOf(CameraWatch camera, double width, double height) {
        Layout shown = FeedSize.forScreen(camera.layout(), width, height);
        FeedPainter drawn = new FeedPainter(watch.lot(), camera.number(), shown, camera::followedLayout,
                camera.isLiveSource() ? 0 : Math.round(1e9 / camera.frameRate()));
        watch.show(camera.number(), drawn);
        camera.onLayoutSwitched(next -> {
            drawn.relayout(next);
            Layout map = SideBySide.of(watch.layouts());
            Platform.runLater(() -> model.relayout(map));
        });
        if (camera.number() == 1) {
            painter = drawn;
        }
        return new LiveFeed(drawn.handOff(), model, camera::layout, model.cameraLiveProperty(camera.number()), timings,
                camera.number() == 1 ? this::frameShown : () -> { }, drawn::screenReady, id -> tappedOnFeed.accept(id));
    }

    /** One camera's feed, or with several a button for each over the one shown. */
    private javafx.scene.Node feedArea() {
        if (feeds.size() == 1) {
            return feed;
        }
        StackPane shown = new StackPane();
        shown.setMinSize(0, 0);
        HBox buttons = new HBox(8);
        buttons.getStyleClass().add("camera-buttons");
        for (int i = 0; i < feeds.size(); i++) {
            LiveFeed one = feeds.get(i);
            int number = i + 1;
            one.setVisible(i == 0);
            shown.getChildren().add(one);
            Button button = new Button();
            button.setId(Ids.camera(number));
            button.textProperty().bind(texts.bind(() -> texts.get("camera.button", number)));
            button.getStyleClass().add("camera-button");
            if (i == 0) {
                button.getStyleClass().add("selected");
            }
            button.setOnAction(e -> {
                feeds.forEach(f -> f.setVisible(f == one));
                buttons.getChildren().forEach(b -> b.getStyleClass().remove("selected"));
                button.getStyleClass().add("selected");
            });
            buttons.getChildren().add(button);
        }
        BorderPane area = new BorderPane(shown);
        area.setTop(buttons);
        area.setMinSize(0, 0);
        return area;
    }

    /** The feed and the lot (map or list) under the header and banners, with the dialogs over them. */
    private StackPane root() {
        BookingViewModel booking = new BookingViewModel(watch.bookings(), tasks, texts, Clock.systemUTC(),
                options.webBase(), options.receiptTimeout());
        HistoryPanel history = new HistoryPanel(model, new HistoryViewModel(watch.bookings().history(), tasks,
                Clock.systemUTC(), java.time.ZoneId.systemDefault(), texts));
        CorrectionPanel correction = new CorrectionPanel((spot, truth) -> watch.correct(spot, truth)
                .whenComplete((learnt, failure) -> {
                    if (failure != null) {
                        LOG.warn("the correction of spot {} could not be kept", spot);
                    }
                }), model.correctingProperty(), () -> model.setCorrecting(false), new CorrectionPanel.SpotPictures() {
                    @Override
                    public byte[] latestJpeg(int spotId) {
                        return watch.cameraOf(spotId).latestJpeg();
                    }

                    @Override
                    public Box box(int spotId) {
                        Layout camera = watch.cameraOf(spotId).layout();
                        return camera.spots().get(camera.indexOf(spotId)).box();
                    }
                }, tasks, texts, CorrectionPanel.IDLE);
        java.util.function.Consumer<SpotTile> onTap = tile -> tapped(tile, booking, correction, history);
        tappedOnFeed = id -> onTap.accept(model.tile(id));
        SplitPane body = new SplitPane(feedArea(), new LotPane(model, onTap, () -> bookBest(booking)));
        body.setOrientation(Orientation.HORIZONTAL);
        body.setDividerPositions(FeedSize.FEED_SHARE);
        BorderPane main = new BorderPane(body);
        Button language = Dialog.button("", Ids.LANGUAGE, texts::nextLanguage);
        language.textProperty().bind(texts.bind("language.other"));
        Header header = new Header(model, BookingPanel.button(texts, "history", Ids.OPEN_HISTORY, history::showLot),
                BookingPanel.button(texts, "cancel.open", Ids.OPEN_CANCEL, booking::openCancel), language);
        main.setTop(new VBox(header, notLiveBanner(), correctingBanner(), webNotice()));
        StackPane root = new StackPane(main, new BookingPanel(booking, () -> {
            // The driver picks another spot on the map: the free ones only, so no taken one is offered.
            booking.close();
            model.setFreeOnly(true);
            model.showMap(true);
        }), history, correction);
        LayoutEditor editor = LayoutEditor.forLot(watch, options.setup(), tasks);
        if (options.fullScreen()) {
            // Bays the layout closes for good or keeps for staff are not the operator's to open or close.
            OperatorPanel operatorPanel = new OperatorPanel(new OperatorViewModel(watch.bookings(), tasks, Clock.systemUTC(), texts,
                    () -> watch.layouts().stream().flatMap(l -> l.spots().stream()).filter(Spot::forDrivers)
                            .map(Spot::id).toList()), editor::open);
            operatorPad = new OperatorPad(OperatorPin.of(options.operatorPin()), new PinAttempts(Clock.systemUTC()),
                    tasks, texts, () -> model.setCorrecting(true), operatorPanel::open, this::exit);
            root.getChildren().addAll(operatorPanel, operatorPad);
        }
        root.getChildren().add(editor);
        if (options.setup().startInEditor()) {
            editor.open();
        }
        return root;
    }

    /** "Book a spot": the best free spot ({@link BestSpot}) is offered; the driver may change it on the map. */
    private void bookBest(BookingViewModel booking) {
        model.bestFreeSpot().ifPresent(tile -> booking.open(tile.id(), tile.label()));
    }

    /**
     * A tap on a spot (map, list or feed): the operator corrects it; a driver books a free one, or sees a taken one's
     * history. Bays kept for staff or closed for good are never offered.
     */
    private void tapped(SpotTile tile, BookingViewModel booking, CorrectionPanel correction, HistoryPanel history) {
        if (model.correctingProperty().get()) {
            correction.open(tile);
        } else if (tile.stateProperty().get() == SpotState.FREE && model.liveProperty().get() && tile.spot().forDrivers()) {
            booking.open(tile.id(), tile.label());
        } else {
            history.showSpot(tile);
        }
    }

    /**
     * Kiosk mode: no exit hint, no escape key, no window-manager close; Ctrl+Alt+Q opens the operator's PIN pad.
     * Windowed: q quits and c toggles correcting.
     */
    private void installKeys(Scene scene, Stage primary) {
        if (options.fullScreen()) {
            primary.setFullScreenExitHint("");
            primary.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            KeyCombination operator = KeyCombination.keyCombination("Ctrl+Alt+Q");
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (operator.match(e)) {
                    operatorPad.open();
                    e.consume();
                }
            });
            // A window manager's close (Alt+F4) does not leave kiosk mode: only the operator's PIN does.
            primary.setOnCloseRequest(e -> e.consume());
        } else {
            scene.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.Q) {
                    exit();
                } else if (e.getCode() == KeyCode.C) {
                    model.setCorrecting(!model.correctingProperty().get());
                }
            });
            primary.setOnCloseRequest(e -> exit());
        }
    }

    /** A file that played out ends a screenshot run, even short of its frames: the picture shows it ended. */
    private void sourceEnded(LotView view) {
        if (options.screenshot() != null && view.source().state() == SourceHealth.State.ENDED) {
            Platform.runLater(() -> {
                toScreen.refresh(Instant.now());
                screenshotAndExit();
            });
        }
    }

    private void frameShown() {
        if (feed.framesShown() == 1) {
            firstFrameShown = Instant.now();
            droppedBeforeScreen = painter.handOff().dropped();
        } else if (droppedSettling < 0 && Instant.now().isAfter(firstFrameShown.plus(SETTLING))) {
            droppedSettling = painter.handOff().dropped();
        }
        if (options.screenshot() != null && feed.framesShown() == options.afterFrames()) {
            screenshotAndExit();
        }
    }

    private void screenshotAndExit() {
        if (exiting) {
            return;
        }
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                    options.screenshot().toFile());
        } catch (IOException e) {
            LOG.error("cannot write the screenshot {}: {}", options.screenshot(), e.getMessage());
        }
        exit();
    }

    /** Stops what the window runs and leaves; the engine's buffers are freed with the watch. */
    private void exit() {
        if (exiting) {
            return;
        }
        exiting = true;
        feeds.forEach(LiveFeed::stop);
        clock.stop();
        tasks.close();
        exit.run();
    }

    KioskReport report() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        long dropped = painter.handOff().dropped();
        // The JVM's start, not ProcessHandle's: that one is rounded to the boot time's whole second.
        Instant launched = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return new KioskReport(painter.framesDecoded(), feed.framesShown(), dropped, droppedBeforeScreen,
                (droppedSettling < 0 ? dropped : droppedSettling) - droppedBeforeScreen, SETTLING.toSeconds(), seconds,
                watch.frameRate(), timings.summary(),
                firstFrameShown == null ? -1 : java.time.Duration.between(launched, firstFrameShown).toMillis() / 1000.0);
    }

    /** While the lot, or a camera of several, is not live: why, and since when, over the whole width. */
    private Label notLiveBanner() {
        Label banner = new Label();
        banner.setId(Ids.NOT_LIVE);
        banner.getStyleClass().add("not-live");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(model.notLiveReasonProperty());
        banner.visibleProperty().bind(model.notLiveReasonProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** Shown while the operator corrects tiles: what a tap does now, and the way back. */
    private HBox correctingBanner() {
        Label hint = new Label();
        hint.textProperty().bind(texts.bind("correcting.hint"));
        HBox banner = new HBox(16, hint, BookingPanel.button(texts, "done", Ids.CORRECTING_DONE, () -> model.setCorrecting(false)));
        banner.setId(Ids.CORRECTING);
        banner.getStyleClass().add("correcting");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(model.correctingProperty());
        banner.managedProperty().bind(model.correctingProperty());
        return banner;
    }

    /** A small line for the operator when the web pages could not start. */
    private Label webNotice() {
        Label notice = new Label();
        notice.textProperty().bind(texts.bind("web.off", options.webNotice()));
        notice.setId(Ids.WEB_NOTICE);
        notice.getStyleClass().add("web-notice");
        notice.setVisible(!options.webNotice().isEmpty());
        notice.setManaged(notice.isVisible());
        return notice;
    }

    /** The frame on screen now. */
    FeedBuffer shownFrame() {
        for (FeedBuffer b : painter.buffers()) {
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
