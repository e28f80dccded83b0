package com.parkwatch.ui.editor;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutFiles;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import com.parkwatch.ui.KioskLauncher;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.watch.SimulatedLotLayouts;
import com.parkwatch.watch.WatchOptions;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Suggested bays by touch, headless on Monocle, on a running simulated lot: the bays are cleared, suggestions are
 * asked for (the real suggester on the engine's sampled frames), one is accepted, another rejected, and the saved
 * layout, which the engine then watches, holds the accepted one only.
 */
class SuggestedBaysAppTest {

    @TempDir
    static Path dir;

    private static JdbcBookingStore store;
    private static LotWatch watch;
    private static LayoutEditor editor;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startEditor() throws Exception {
        KioskLauncher.useHeadlessPlatform();
        store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db"));
        watch = LotWatch.open(new WatchOptions("sim:3", 100, RtspTransport.AUTO, new SimulatedLotLayouts(),
                SvmClassifier.loadDefault(), TrackerSettings.withStep(10), store, BookingRules.DEFAULT,
                new CorrectionFolder(dir.resolve("corrections")), Clock.systemUTC()));
        watch.start();
        editor = EditorStage.show(watch, dir.resolve("lot.json"), List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        watch.close();
        store.close();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static List<Spot> suggestedNow() throws Exception {
        return onFx(() -> editor.model().suggestedProperty().get());
    }

    private void tapAt(Vertex v) throws Exception {
        Point2D p = onFx(() -> editor.onScreen(v));
        robot.clickOn(p.getX(), p.getY(), MouseButton.PRIMARY);
    }

    @Test
    void oneSuggestionAcceptedAnotherRejectedAndTheSavedLayoutHoldsTheAcceptedOne() throws Exception {
        WaitForAsyncUtils.asyncFx(editor::open).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(editor::showsPicture));
        robot.clickOn("#" + EditorIds.SELECT_ALL);
        robot.clickOn("#" + EditorIds.DELETE);
        robot.clickOn("#" + EditorIds.SUGGEST);
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> !onFx(() -> editor.suggested().busyProperty().get()));
        List<Spot> offered = suggestedNow();
        assertTrue(offered.size() >= 2, "parked cars are suggested as bays: "
                + onFx(() -> editor.model().messageProperty().get()));
        assertTrue(robot.lookup("#" + EditorIds.SUGGESTED_COUNT).queryLabeled().getText()
                .startsWith(offered.size() + " bays suggested"));

        Spot accepted = offered.get(0);
        tapAt(accepted.centre());
        robot.clickOn("#" + EditorIds.SUGGESTED_ACCEPT);
        Spot rejected = offered.get(1);
        tapAt(rejected.centre());
        robot.clickOn("#" + EditorIds.SUGGESTED_REJECT);
        assertEquals(offered.size() - 2, suggestedNow().size());
        Layout drawn = onFx(() -> editor.model().layoutProperty().get());
        assertEquals(List.of(accepted.outline()), drawn.spots().stream().map(Spot::outline).toList(),
                "the accepted suggestion is the one bay; the rejected one is not a bay");

        robot.clickOn("#" + EditorIds.SAVE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> watch.lot().view().spots().size() == 1);
        assertEquals(drawn, LayoutFiles.read(dir.resolve("lot.json")), "the file holds the accepted bay");
        assertEquals(accepted.outline(), watch.layout().spots().get(0).outline(), "the engine watches it");
    }
}
