package com.parkwatch.ui;

import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.track.TrackerSettings;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real kiosk on the simulated lot, headless on Monocle, driven and read through TestFX. */
class KioskAppTest {

    @TempDir
    static Path dir;

    private static LiveLot lot;
    private static SimulatedLot sim;
    private static BookingService bookings;
    private static Layout layout;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startKiosk() throws Exception {
        KioskLauncher.useHeadlessPlatform();
        sim = new SimulatedLot(21);
        Layout layout = sim.ownLayout().orElseThrow();
        lot = new LiveLot(layout, Clock.systemUTC());
        BookingService bookings = new BookingService(JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db")),
                lot::occupancyOf, Clock.systemUTC());
        OccupancyTracker tracker = new OccupancyTracker(layout, SvmClassifier.loadDefault(), TrackerSettings.withStep(30));
        KioskApp.setup = new KioskSetup(sim, layout, tracker, lot, (snapshot, frame) -> lot.publish(snapshot), bookings,
                new CorrectionFolder(dir.resolve("corrections")), true,
                "2468", null, 1, false);
        KioskAppTest.bookings = bookings;
        KioskAppTest.layout = layout;
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(KioskApp::new);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> KioskApp.running != null);
    }

    @AfterAll
    static void stopKiosk() throws Exception {
        FxToolkit.cleanupApplication(KioskApp.running);
    }

    /** Tile states as the grid shows them, read on the FX thread. */
    private static Map<Integer, TileState> tiles() throws Exception {
        return WaitForAsyncUtils.asyncFx((Callable<Map<Integer, TileState>>) () -> {
            Map<Integer, TileState> states = new HashMap<>();
            KioskApp.running.model().tiles().forEach(t -> states.put(t.id(), t.stateProperty().get()));
            return states;
        }).get(5, TimeUnit.SECONDS);
    }

    private static Map<Integer, TileState> engine() {
        LotSnapshot s = lot.view().snapshot();
        Map<Integer, TileState> states = new HashMap<>();
        s.spots().forEach(st -> states.put(st.spot().id(), LotViewModel.tileState(st.occupancy(), false)));
        return states;
    }

    private static TileState tile(int id) throws Exception {
        return tiles().get(id);
    }

    private void type(String keyboard, String text) {
        for (char c : text.toCharArray()) {
            robot.clickOn("#" + keyboard + "-" + (c == ' ' ? "space" : String.valueOf(c)));
        }
    }

    /** The colour the live feed shows on the top edge of a spot's box (BGRA), as JavaFX reads the image on screen. */
    private static double[] feedColourOnTopEdgeOf(int id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            FeedBuffer shown = KioskApp.running.shownFrame();
            // The feed is drawn at the size it is shown at.
            var box = layout.fittedTo(shown.bgra.cols(), shown.bgra.rows()).spots().get(id - 1).box();
            int argb = shown.image.getPixelReader().getArgb(box.x() + box.width() / 2, box.y());
            return new double[]{argb & 0xff, (argb >> 8) & 0xff, (argb >> 16) & 0xff, argb >>> 24};
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDriverBooksAFreeTileByTouchAndCancelsWithTheCode() throws Exception {
        // A free spot that the simulation leaves free for the next 20 s, below the first row (which the feed's
        // "Available spots" panel covers).
        java.util.function.IntPredicate staysFree = id -> id > 18 && sim.truth(id - 1) == com.parkwatch.lot.Occupancy.FREE
                && sim.nextChange(id - 1) - sim.frameIndex() > 20 * SimulatedLot.FRAME_RATE;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles().entrySet().stream()
                .anyMatch(e -> e.getValue() == TileState.FREE && staysFree.test(e.getKey())));
        int spot = tiles().entrySet().stream().filter(e -> e.getValue() == TileState.FREE && staysFree.test(e.getKey()))
                .mapToInt(Map.Entry::getKey).min().orElseThrow();
        robot.clickOn("#spot-" + spot);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#booking-plate").tryQuery().map(n -> n.isVisible()
                && n.getParent().isVisible() && n.getScene() != null).orElse(false));
        assertEquals(spot, robot.lookup("#booking-spot").queryAs(javafx.scene.control.ChoiceBox.class).getValue(),
                "the tapped spot is pre-filled");

        type("key", "A");
        robot.clickOn("#booking-confirm");
        Label error = robot.lookup("#booking-error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> error.getText().contains("licence plate"));
        assertTrue(bookings.active().isEmpty(), "an invalid plate books nothing");

        type("key", "B 12");
        robot.clickOn("#duration-120");
        robot.clickOn("#booking-confirm");
        Label code = robot.lookup("#booking-code").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> code.getText().length() == 8);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no booking code; the dialog says: " + error.getText() + "; spot " + spot + " is "
                    + tile(spot));
        }
        assertEquals("AB 12", bookings.activeBySpot().get(spot).plate());
        assertEquals(code.getText(), bookings.activeBySpot().get(spot).code());

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tile(spot) == TileState.RESERVED);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> java.util.Arrays.equals(feedColourOnTopEdgeOf(spot),
                new double[]{0, 176, 255, 255}));

        String bookedCode = code.getText();
        robot.clickOn("#booking-done");
        robot.clickOn("#open-cancel");
        type("code-key", bookedCode);
        robot.clickOn("#cancel-confirm");
        Label message = robot.lookup("#cancel-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> message.getText().equals("Booking cancelled."));
        robot.clickOn("#cancel-close");
        assertTrue(bookings.active().isEmpty());
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tile(spot) != TileState.RESERVED);
    }

    @Test
    void tappingATakenSpotShowsItsRecentChangesBesideTheHourOfFreeSpots() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tiles().entrySet().stream()
                .anyMatch(e -> e.getKey() > 18 && e.getValue() == TileState.OCCUPIED));
        int spot = tiles().entrySet().stream().filter(e -> e.getKey() > 18 && e.getValue() == TileState.OCCUPIED)
                .mapToInt(Map.Entry::getKey).min().orElseThrow();
        robot.clickOn("#spot-" + spot);
        Label title = robot.lookup("#history-spot").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> title.isVisible() && title.getText().startsWith("Spot " + spot));
        javafx.scene.control.ListView<?> changes = robot.lookup("#history-changes").queryAs(javafx.scene.control.ListView.class);
        assertTrue(changes.getItems().stream().anyMatch(c -> c.toString().endsWith("→ occupied")), "changes: " + changes.getItems());
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#free-history").queryAs(javafx.scene.chart.LineChart.class);
        assertTrue(!chart.getData().get(0).getData().isEmpty(), "the chart has the free count since start");
        robot.clickOn("#history-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#history-close").query().getScene() != null
                && !robot.lookup("#history-close").query().getParent().getParent().isVisible(), "closed");
    }

    @Test
    void theOperatorCorrectsATileAndTheCameraKeepsTheCorrection() throws Exception {
        // A spot of the first row (the other tests use the rows below) that stays occupied for the next 20 s.
        java.util.function.IntPredicate staysOccupied = id -> id <= 18 && sim.truth(id - 1) == com.parkwatch.lot.Occupancy.OCCUPIED
                && sim.nextChange(id - 1) - sim.frameIndex() > 20 * SimulatedLot.FRAME_RATE;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles().entrySet().stream()
                .anyMatch(e -> e.getValue() == TileState.OCCUPIED && staysOccupied.test(e.getKey())));
        int spot = tiles().entrySet().stream().filter(e -> e.getValue() == TileState.OCCUPIED && staysOccupied.test(e.getKey()))
                .mapToInt(Map.Entry::getKey).min().orElseThrow();

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#pin-2").tryQuery()
                .map(n -> n.getParent().getParent().isVisible()).orElse(false));
        robot.clickOn("#pin-2").clickOn("#pin-4").clickOn("#pin-6").clickOn("#pin-8").clickOn("#pin-correct");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#correcting").query().isVisible());

        robot.clickOn("#spot-" + spot);
        Label says = robot.lookup("#correction-says").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> says.isVisible() && says.getText().contains("occupied"));
        robot.clickOn("#correct-free");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tile(spot) == TileState.FREE);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> keptCorrections("free", spot) == 1);

        // Taking it back is another correction.
        robot.clickOn("#spot-" + spot);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> says.isVisible() && says.getText().contains("free"));
        robot.clickOn("#correct-occupied");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tile(spot) == TileState.OCCUPIED);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> keptCorrections("occupied", spot) == 1);

        robot.clickOn("#correcting-done");
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> !robot.lookup("#correcting").query().isVisible());
        assertTrue(bookings.active().isEmpty(), "taps while correcting book nothing");
    }

    /** Corrected crops of a spot kept as images in the folder of a state. */
    private static long keptCorrections(String state, int spot) throws java.io.IOException {
        java.nio.file.Path folder = dir.resolve("corrections").resolve(state);
        if (!java.nio.file.Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("spot-" + spot + "-")
                    && org.opencv.imgcodecs.Imgcodecs.imread(f.toString()).cols() > 0).count();
        }
    }

    @Test
    void escapeDoesNotLeaveKioskModeAndOnlyTheOperatorPinDoes() throws Exception {
        assertTrue(KioskApp.running.stage().isFullScreen());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.press(javafx.scene.input.KeyCode.Q).release(javafx.scene.input.KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(KioskApp.running != null && KioskApp.running.stage().isFullScreen(), "still full screen, still running");

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#pin-1").tryQuery()
                .map(n -> n.getParent().getParent().isVisible()).orElse(false));
        robot.clickOn("#pin-1").clickOn("#pin-2").clickOn("#pin-3").clickOn("#pin-4").clickOn("#pin-confirm");
        Label message = robot.lookup("#pin-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> message.getText().equals("Wrong PIN."));
        assertTrue(KioskApp.running != null, "a wrong PIN does not close the kiosk");
        robot.clickOn("#pin-close");
    }

    @Test
    void theGridAndHeaderFollowTheSimulatedLot() throws Exception {
        Set<Integer> changed = new HashSet<>();
        Map<Integer, TileState> first = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (System.nanoTime() < until && (changed.size() < 2 || first == null)) {
            // The engine publishes, then the FX thread applies: they agree within a moment of each sample.
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> engine().equals(tiles()) && engine().get(1) != TileState.UNKNOWN);
            Map<Integer, TileState> now = tiles();
            if (first == null) {
                first = now;
            }
            for (Map.Entry<Integer, TileState> e : now.entrySet()) {
                if (e.getValue() != first.get(e.getKey())) {
                    changed.add(e.getKey());
                }
            }
            long free = now.values().stream().filter(s -> s == TileState.FREE).count();
            Label available = robot.lookup("#available").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> available.getText().equals("Available " + free + " / 72")
                    || !tiles().equals(now));
            Thread.sleep(500);
        }
        assertTrue(changed.size() >= 2, "tiles that changed while the lot changed: " + changed);
        assertEquals("running", robot.lookup("#source-status").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#spot-1").tryQuery().isPresent(), "spot tiles are on screen");
    }
}
