package com.parkwatch.ui.editor;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutFiles;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import com.parkwatch.ui.KioskLauncher;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.layout.LayoutLoader;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.watch.SimulatedLotLayouts;
import com.parkwatch.watch.WatchOptions;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout editor by touch on a running lot, headless on Monocle: a row of bays drawn from its two end bays on a
 * still of the tutorial lot, labelled, saved, and watched by the engine at once; the tutorial's mask imported; undo.
 * Without the tutorial's data (outside CI) it draws on the simulated lot's frame and skips the mask.
 */
class LayoutEditorAppTest {

    private static final Path TUTORIAL = Path.of(System.getenv().getOrDefault("PARKWATCH_SHARED_DATA", "../shared/data"),
            "tutorial-crop");

    @TempDir
    static Path dir;

    private static JdbcBookingStore store;
    private static LotWatch watch;
    private static LayoutEditor editor;
    private static boolean tutorial;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startEditor() throws Exception {
        KioskLauncher.useHeadlessPlatform();
        tutorial = Files.exists(TUTORIAL.resolve("parking_crop.mp4"));
        if (!tutorial) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("real data " + TUTORIAL + " is missing: CI must have ../shared/data beside the checkout");
            }
            System.out.println("real data " + TUTORIAL + " is missing: the editor is tested on the simulated lot's frame, "
                    + "the tutorial mask's import is skipped");
        }
        store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db"));
        WatchOptions.Layouts layouts = tutorial ? new WatchOptions.Layouts() {
            @Override
            public Layout fittedTo(FrameSource source) {
                return LayoutLoader.read(TUTORIAL.resolve("mask_crop.png"), source.width(), source.height())
                        .fittedTo(source.width(), source.height());
            }

            @Override
            public Layout beforeSource() {
                throw new IllegalStateException("a file is always there");
            }
        } : new SimulatedLotLayouts();
        watch = LotWatch.open(new WatchOptions(tutorial ? TUTORIAL.resolve("parking_crop.mp4").toString() : "sim:3",
                100, RtspTransport.AUTO, layouts, SvmClassifier.loadDefault(), TrackerSettings.withStep(10), store,
                BookingRules.DEFAULT, new CorrectionFolder(dir.resolve("corrections")), Clock.systemUTC()));
        watch.start();
        editor = EditorStage.show(watch, dir.resolve("lot.json"), List.of(TUTORIAL));
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        watch.close();
        store.close();
    }

    @BeforeEach
    void openOnAStill() throws Exception {
        WaitForAsyncUtils.asyncFx(editor::open).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(editor::showsPicture));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static Layout edited() throws Exception {
        return onFx(() -> editor.model().layoutProperty().get());
    }

    private void tap(String id) {
        robot.clickOn("#" + id);
    }

    private Point2D screen(double x, double y) throws Exception {
        return onFx(() -> editor.onScreen(new Vertex(x, y)));
    }

    /** A finger dragged across a bay, from its top-left corner to its bottom-right one. */
    private void drawBay(Box box) throws Exception {
        Point2D from = screen(box.x(), box.y());
        Point2D to = screen(box.x() + box.width(), box.y() + box.height());
        robot.drag(from.getX(), from.getY(), MouseButton.PRIMARY).moveTo(to.getX(), to.getY()).drop();
    }

    private void tapAt(Vertex v) throws Exception {
        Point2D p = screen(v.x(), v.y());
        robot.clickOn(p.getX(), p.getY(), MouseButton.PRIMARY);
    }

    @Test
    void aRowDrawnFromItsTwoEndBaysLabelledAndSavedIsWatchedByTheEngineAtOnce() throws Exception {
        // The picture's first line of bays, as its mask has them, across or down the picture (the tutorial's crop
        // has two columns): the row to draw again by hand.
        Layout lot = watch.layout();
        Spot first = lot.inReadingOrder().get(0);
        List<Spot> across = lot.spots().stream()
                .filter(s -> Math.abs(s.centre().y() - first.centre().y()) < first.box().height() / 2.0)
                .sorted(Comparator.comparingDouble(s -> s.centre().x())).toList();
        List<Spot> down = lot.spots().stream()
                .filter(s -> Math.abs(s.centre().x() - first.centre().x()) < first.box().width() / 2.0)
                .sorted(Comparator.comparingDouble(s -> s.centre().y())).toList();
        List<Spot> row = across.size() >= down.size() ? across : down;
        int n = Math.min(row.size(), 8);
        assertTrue(n >= 4, "a row of at least 4 bays to draw");

        tap(EditorIds.SELECT_ALL);
        tap(EditorIds.DELETE);
        assertEquals(0, edited().size());
        tap(EditorIds.tool(Tool.RECTANGLE));
        drawBay(row.get(0).box());
        drawBay(row.get(n - 1).box());
        assertEquals(2, edited().size(), onFx(() -> editor.model().messageProperty().get()));
        tap(EditorIds.tool(Tool.SELECT));
        tapAt(row.get(0).centre());
        assertEquals(2, onFx(() -> editor.model().selectionProperty().get().size()), "both end bays selected");
        for (int i = 10; i > n; i--) {
            tap(EditorIds.ROW_FEWER);
        }
        tap(EditorIds.FILL_ROW);
        assertEquals(n, edited().size());
        tap(EditorIds.LABEL_ROW);
        List<String> labels = IntStream.rangeClosed(1, n).mapToObj(i -> "A" + i).toList();
        assertEquals(labels, edited().inReadingOrder().stream().map(Spot::label).toList());
        for (int i = 0; i < n; i++) {
            Box drawn = edited().inReadingOrder().get(i).box();
            Box painted = row.get(i).box();
            assertEquals(painted.x(), drawn.x(), painted.width() * 0.2, "bay A" + (i + 1) + " lies on the painted bay");
            assertEquals(painted.y(), drawn.y(), painted.height() * 0.2, "bay A" + (i + 1) + " lies on the painted bay");
        }

        // Undo takes the labels back; labelling again puts them back.
        tap(EditorIds.UNDO);
        assertTrue(edited().spots().stream().noneMatch(s -> s.label().startsWith("A")));
        tap(EditorIds.LETTER_BACK);
        tap(EditorIds.LABEL_ROW);
        assertEquals(labels, edited().inReadingOrder().stream().map(Spot::label).toList());

        tap(EditorIds.SAVE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> watch.lot().view().spots().size() == n);
        assertEquals(labels, watch.lot().view().spots().stream()
                .sorted(Comparator.comparing(s -> s.spot(), Comparator.comparingDouble((Spot s) -> s.centre().y() + s.centre().x())))
                .map(s -> s.spot().label()).toList(),
                "the engine watches the row drawn, by its labels");
        assertEquals(edited(), LayoutFiles.read(dir.resolve("lot.json")), "the file holds what was drawn");
        assertTrue(onFx(() -> editor.model().messageProperty().get()).startsWith("Saved " + n + " bays to "));
    }

    @Test
    void theTutorialMaskIsImportedAndUndoBringsTheBaysBefore() throws Exception {
        Assumptions.assumeTrue(tutorial, "the tutorial's mask is missing; skipped outside CI");
        int before = edited().size();
        tap(EditorIds.SELECT_ALL);
        tap(EditorIds.DELETE);
        assertEquals(0, edited().size());
        tap(EditorIds.IMPORT);
        List<Path> offered = onFx(() -> editor.model().importable());
        int mask = offered.indexOf(TUTORIAL.resolve("mask_crop.png").toAbsolutePath().normalize());
        assertTrue(mask >= 0, "the mask is offered: " + offered);
        tap(EditorIds.importFile(mask));
        Layout expected = LayoutLoader.read(TUTORIAL.resolve("mask_crop.png"), 0, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> edited().size() == expected.size());
        assertTrue(expected.size() > 10, "the tutorial's bays");

        tap(EditorIds.UNDO);
        assertEquals(0, edited().size(), "undo takes the import back");
        tap(EditorIds.UNDO);
        assertEquals(before, edited().size(), "and the delete before it");
    }
}
