package com.parkwatch.ui;

import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Palette;
import com.parkwatch.lot.SpotState;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.watch.SimulatedLotLayouts;
import com.parkwatch.watch.WatchOptions;
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

/** The real kiosk on the simulated lot, built by the one composition root, headless on Monocle, driven through TestFX. */
class KioskAppTest {

    @TempDir
    static Path dir;

    private static JdbcBookingStore store;
    private static LotWatch watch;
    private static KioskWindow window;
    private static SimulatedLot sim;
    private static Layout layout;
    private static volatile boolean left;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startKiosk() throws Exception {
        KioskLauncher.useHeadlessPlatform();
        store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db"));
        watch = LotWatch.open(new WatchOptions("sim:21", 1, RtspTransport.AUTO, new SimulatedLotLayouts(),
                SvmClassifier.loadDefault(), TrackerSettings.withStep(30), store, BookingRules.DEFAULT,
                new CorrectionFolder(dir.resolve("corrections")), Clock.systemUTC()));
        sim = (SimulatedLot) watch.source();
        layout = watch.layout();
        window = new KioskWindow(watch, new KioskOptions(true, "2468", null, 1, ""), () -> left = true);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(window::show);
    }

    @AfterAll
    static void stopKiosk() throws Exception {
        FxToolkit.cleanupStages();
        watch.close();
        store.close();
    }

    /** Tile states as the grid shows them, read on the FX thread. */
    private static Map<Integer, SpotState> tiles() throws Exception {
        return WaitForAsyncUtils.asyncFx((Callable<Map<Integer, SpotState>>) () -> {
            Map<Integer, SpotState> states = new HashMap<>();
            window.model().tiles().forEach(t -> states.put(t.id(), t.stateProperty().get()));
            return states;
        }).get(5, TimeUnit.SECONDS);
    }

    private static Map<Integer, SpotState> engine() {
        LotSnapshot s = watch.lot().view().snapshot();
        Map<Integer, SpotState> states = new HashMap<>();
        s.spots().forEach(st -> states.put(st.spot().id(), SpotState.of(st.occupancy(), false)));
        return states;
    }

    private static SpotState tile(int id) throws Exception {
        return tiles().get(id);
    }

    private void type(String keyboard, String text) {
        for (char c : text.toCharArray()) {
            robot.clickOn("#" + Ids.key(keyboard, c));
        }
    }

    /** The colour the live feed shows on the top edge of a spot's box (BGRA), as JavaFX reads the image on screen. */
    private static double[] feedColourOnTopEdgeOf(int id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            FeedBuffer shown = window.shownFrame();
            // The feed is drawn at the size it is shown at.
            var box = layout.fittedTo(shown.bgra.cols(), shown.bgra.rows()).spots().get(id - 1).box();
            int argb = shown.image.getPixelReader().getArgb(box.x() + box.width() / 2, box.y());
            return new double[]{argb & 0xff, (argb >> 8) & 0xff, (argb >> 16) & 0xff, argb >>> 24};
        }).get(5, TimeUnit.SECONDS);
    }

    /** The list of tiles instead of the map: the tests that tap tiles by their list ids. */
    private void showList() {
        robot.clickOn("#" + Ids.SHOW_LIST);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showMap() {
        robot.clickOn("#" + Ids.SHOW_MAP);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    @Test
    void aDriverBooksAFreeTileOfTheListByTouchAndCancelsWithTheCode() throws Exception {
        showList();
        java.util.function.IntPredicate staysFree = id -> sim.truth(id - 1) == com.parkwatch.lot.Occupancy.FREE
                && sim.nextChange(id - 1) - sim.frameIndex() > 20 * SimulatedLot.FRAME_RATE
                && robot.lookup("#" + Ids.spot(id)).tryQuery().isPresent();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles().entrySet().stream()
                .anyMatch(e -> e.getValue() == SpotState.FREE && staysFree.test(e.getKey())));
        int spot = tiles().entrySet().stream().filter(e -> e.getValue() == SpotState.FREE && staysFree.test(e.getKey()))
                .mapToInt(Map.Entry::getKey).min().orElseThrow();
        robot.clickOn("#" + Ids.spot(spot));
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#" + Ids.BOOKING_PLATE).tryQuery()
                .map(KioskAppTest::shown).orElse(false));
        assertEquals("Spot " + window.model().tile(spot).label(),
                robot.lookup("#" + Ids.BOOKING_SPOT).queryAs(Label.class).getText(), "the tapped spot is the one booked");

        type(Ids.PLATE_KEY, "A");
        robot.clickOn("#" + Ids.PLATE_NEXT);
        Label plateError = robot.lookup("#" + Ids.PLATE_ERROR).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> plateError.getText().contains("licence plate"));
        assertTrue(watch.bookings().active().isEmpty(), "an invalid plate books nothing");

        type(Ids.PLATE_KEY, "B 12");
        robot.clickOn("#" + Ids.PLATE_NEXT);
        robot.clickOn("#" + Ids.duration(120));
        robot.clickOn("#" + Ids.BOOKING_CONFIRM);
        Label code = robot.lookup("#" + Ids.BOOKING_CODE).queryAs(Label.class);
        Label error = robot.lookup("#" + Ids.BOOKING_ERROR).queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> code.getText().length() == 8);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no booking code; the dialog says: " + error.getText() + "; spot " + spot + " is "
                    + tile(spot));
        }
        Booking made = watch.bookings().active().stream().filter(b -> b.spot() == spot).findFirst().orElseThrow();
        assertEquals("AB 12", made.plate());
        assertEquals(code.getText(), made.code());
        assertTrue(robot.lookup("#" + Ids.RECEIPT_PHONE).queryAs(Label.class).getText().contains("web pages are off"),
                "with no web pages, the receipt says so");
        assertTrue(robot.lookup("#" + Ids.RECEIPT_QR).queryAs(javafx.scene.image.ImageView.class).getImage() == null,
                "and shows no QR code");

        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tile(spot) == SpotState.RESERVED);
        int amber = Palette.rgb(SpotState.RESERVED);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> java.util.Arrays.equals(feedColourOnTopEdgeOf(spot),
                new double[]{amber & 0xff, (amber >> 8) & 0xff, (amber >> 16) & 0xff, 255}));

        String bookedCode = code.getText();
        robot.clickOn("#" + Ids.BOOKING_DONE);
        robot.clickOn("#" + Ids.OPEN_CANCEL);
        type(Ids.CODE_KEY, bookedCode);
        robot.clickOn("#" + Ids.CANCEL_CONFIRM);
        Label message = robot.lookup("#" + Ids.CANCEL_MESSAGE).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> message.getText().equals("Booking cancelled."));
        robot.clickOn("#" + Ids.CANCEL_CLOSE);
        assertTrue(watch.bookings().active().isEmpty());
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tile(spot) != SpotState.RESERVED);
        showMap();
    }

    @Test
    void aTapOnAFreeSpotInTheLiveFeedStartsItsBookingAndTheFeedHidesNoSpot() throws Exception {
        java.util.function.IntPredicate staysFree = id -> sim.truth(id - 1) == com.parkwatch.lot.Occupancy.FREE
                && sim.nextChange(id - 1) - sim.frameIndex() > 20 * SimulatedLot.FRAME_RATE;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles().entrySet().stream()
                .anyMatch(e -> e.getValue() == SpotState.FREE && staysFree.test(e.getKey())));
        // The first row, which the feed's panel used to cover.
        int spot = tiles().entrySet().stream().filter(e -> e.getValue() == SpotState.FREE && staysFree.test(e.getKey()))
                .mapToInt(Map.Entry::getKey).min().orElseThrow();
        double[] at = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.image.ImageView view = (javafx.scene.image.ImageView) window.stage().getScene()
                    .lookup("#" + Ids.FEED).lookup(".image-view");
            FeedBuffer shown = window.shownFrame();
            com.parkwatch.lot.Vertex centre = layout.fittedTo(shown.bgra.cols(), shown.bgra.rows()).spots()
                    .get(layout.indexOf(spot)).centre();
            double k = view.getBoundsInLocal().getWidth() / shown.bgra.cols();
            javafx.geometry.Point2D p = view.localToScreen(centre.x() * k, centre.y() * k);
            return new double[]{p.getX(), p.getY()};
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn(at[0], at[1]);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#" + Ids.BOOKING_PLATE).tryQuery()
                .map(KioskAppTest::shown).orElse(false));
        assertEquals("Spot " + window.model().tile(spot).label(),
                robot.lookup("#" + Ids.BOOKING_SPOT).queryAs(Label.class).getText(), "the spot tapped in the picture");
        // The counts are in the header, not on the picture: the spot's box is drawn in its colour all round.
        int green = Palette.rgb(SpotState.FREE);
        assertTrue(java.util.Arrays.equals(feedColourOnTopEdgeOf(spot),
                new double[]{green & 0xff, (green >> 8) & 0xff, (green >> 16) & 0xff, 255}), "not hidden by a panel");
        robot.clickOn("#" + Ids.BOOKING_CLOSE);
    }

    @Test
    void theLanguageButtonTurnsTheKioskGermanAndBack() throws Exception {
        Label available = robot.lookup("#" + Ids.AVAILABLE).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> available.getText().startsWith("Available "));
        robot.clickOn("#" + Ids.LANGUAGE);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> available.getText().startsWith("Frei "));
        assertEquals("Platz buchen", robot.lookup("#" + Ids.BOOK_BEST).queryAs(javafx.scene.control.Button.class).getText());
        assertEquals("English", robot.lookup("#" + Ids.LANGUAGE).queryAs(javafx.scene.control.Button.class).getText());
        robot.clickOn("#" + Ids.LANGUAGE);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> available.getText().startsWith("Available "));
    }

    @Test
    void bookASpotOffersTheBestFreeSpotAndChangeSpotShowsTheFreeOnesOnTheMap() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.model().bestFreeSpot().isPresent()).get());
        robot.clickOn("#" + Ids.BOOK_BEST);
        Label spotLine = robot.lookup("#" + Ids.BOOKING_SPOT).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> shown(spotLine));
        String offered = spotLine.getText();
        robot.clickOn("#" + Ids.CHANGE_SPOT);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> !shown(spotLine));
        assertTrue(window.model().freeOnlyProperty().get() && window.model().showingMapProperty().get(),
                "the map shows the free spots only");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> window.model().shownTiles().stream()
                .allMatch(t -> t.stateProperty().get() == SpotState.FREE)).get(), "only free spots: " + offered);
        robot.clickOn("#" + Ids.FREE_ONLY);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> !window.model().freeOnlyProperty().get());
        assertEquals(72, window.model().shownTiles().size());
    }

    @Test
    void tappingATakenSpotShowsItsRecentChangesBesideTheHourOfFreeSpots() throws Exception {
        showList();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tiles().entrySet().stream()
                .anyMatch(e -> e.getKey() > 18 && e.getValue() == SpotState.OCCUPIED));
        int spot = tiles().entrySet().stream().filter(e -> e.getKey() > 18 && e.getValue() == SpotState.OCCUPIED)
                .mapToInt(Map.Entry::getKey).min().orElseThrow();
        robot.clickOn("#" + Ids.spot(spot));
        Label title = robot.lookup("#" + Ids.HISTORY_SPOT).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> title.isVisible() && title.getText().startsWith("Spot " + spot));
        javafx.scene.control.ListView<?> changes = robot.lookup("#" + Ids.HISTORY_CHANGES).queryAs(javafx.scene.control.ListView.class);
        assertTrue(changes.getItems().stream().anyMatch(c -> c.toString().endsWith("→ occupied")), "changes: " + changes.getItems());
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#" + Ids.HISTORY_CHART).queryAs(javafx.scene.chart.LineChart.class);
        assertTrue(!chart.getData().get(0).getData().isEmpty(), "the chart has the free count since start");
        // Today and this week, from the history the watch keeps in the database.
        robot.clickOn("Today");
        Label today = robot.lookup("#" + Ids.HISTORY_TODAY_SUMMARY).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> today.getText().matches("Today: \\d+ % occupied, busiest .*"));
        javafx.scene.chart.LineChart<?, ?> hours = robot.lookup("#" + Ids.HISTORY_TODAY).queryAs(javafx.scene.chart.LineChart.class);
        assertTrue(!hours.getData().get(0).getData().isEmpty(), "this hour is on today's chart");
        robot.clickOn("This week");
        Label week = robot.lookup("#" + Ids.HISTORY_WEEK_SUMMARY).queryAs(Label.class);
        assertTrue(week.getText().startsWith("This week: "), week.getText());
        javafx.scene.chart.BarChart<?, ?> days = robot.lookup("#" + Ids.HISTORY_WEEK).queryAs(javafx.scene.chart.BarChart.class);
        assertEquals(7, days.getData().get(0).getData().size(), "Monday to Sunday");
        robot.clickOn("#" + Ids.HISTORY_CLOSE);
        WaitForAsyncUtils.waitForFxEvents();
        showMap();
        assertTrue(robot.lookup("#" + Ids.HISTORY_CLOSE).query().getScene() != null
                && !robot.lookup("#" + Ids.HISTORY_CLOSE).query().getParent().getParent().isVisible(), "closed");
    }

    @Test
    void theOperatorCorrectsATileAndTheCameraKeepsTheCorrection() throws Exception {
        // A spot of the first row (the other tests use the rows below) that stays occupied for the next 20 s.
        java.util.function.IntPredicate staysOccupied = id -> id <= 18 && sim.truth(id - 1) == com.parkwatch.lot.Occupancy.OCCUPIED
                && sim.nextChange(id - 1) - sim.frameIndex() > 20 * SimulatedLot.FRAME_RATE;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles().entrySet().stream()
                .anyMatch(e -> e.getValue() == SpotState.OCCUPIED && staysOccupied.test(e.getKey())));
        int spot = tiles().entrySet().stream().filter(e -> e.getValue() == SpotState.OCCUPIED && staysOccupied.test(e.getKey()))
                .mapToInt(Map.Entry::getKey).min().orElseThrow();

        showList();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#" + Ids.pinDigit(2)).tryQuery()
                .map(n -> n.getParent().getParent().isVisible()).orElse(false));
        robot.clickOn("#" + Ids.pinDigit(2)).clickOn("#" + Ids.pinDigit(4)).clickOn("#" + Ids.pinDigit(6)).clickOn("#" + Ids.pinDigit(8)).clickOn("#" + Ids.PIN_CORRECT);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#" + Ids.CORRECTING).query().isVisible());

        robot.clickOn("#" + Ids.spot(spot));
        Label says = robot.lookup("#" + Ids.CORRECTION_SAYS).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> says.isVisible() && says.getText().contains("occupied"));
        javafx.scene.image.ImageView crop = robot.lookup("#" + Ids.CORRECTION_CROP).queryAs(javafx.scene.image.ImageView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> crop.getImage() != null && crop.getViewport() != null);
        com.parkwatch.lot.Box box = layout.spots().get(layout.indexOf(spot)).box();
        assertTrue(crop.getViewport().contains(box.x() + box.width() / 2.0, box.y() + box.height() / 2.0)
                && crop.getViewport().getWidth() < crop.getImage().getWidth() / 3, "the spot's crop: " + crop.getViewport());
        assertTrue(crop.getBoundsInParent().getWidth() >= 300 || crop.getBoundsInParent().getHeight() >= 300, "shown large");
        robot.clickOn("#" + Ids.CORRECT_FREE);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tile(spot) == SpotState.FREE);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> keptCorrections("free", spot) == 1);

        // Taking it back is another correction.
        robot.clickOn("#" + Ids.spot(spot));
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> says.isVisible() && says.getText().contains("free"));
        robot.clickOn("#" + Ids.CORRECT_OCCUPIED);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tile(spot) == SpotState.OCCUPIED);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> keptCorrections("occupied", spot) == 1);

        robot.clickOn("#" + Ids.CORRECTING_DONE);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> !robot.lookup("#" + Ids.CORRECTING).query().isVisible());
        assertTrue(watch.bookings().active().isEmpty(), "taps while correcting book nothing");
        showMap();
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
        assertTrue(window.stage().isFullScreen());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.press(javafx.scene.input.KeyCode.Q).release(javafx.scene.input.KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!left && window.stage().isFullScreen(), "still full screen, still running");

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#" + Ids.pinDigit(1)).tryQuery()
                .map(n -> n.getParent().getParent().isVisible()).orElse(false));
        robot.clickOn("#" + Ids.pinDigit(1)).clickOn("#" + Ids.pinDigit(2)).clickOn("#" + Ids.pinDigit(3)).clickOn("#" + Ids.pinDigit(4)).clickOn("#" + Ids.PIN_EXIT);
        Label message = robot.lookup("#" + Ids.PIN_MESSAGE).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> message.getText().equals("Wrong PIN. Wait 1 s."));
        assertTrue(!left, "a wrong PIN does not close the kiosk");
        robot.clickOn("#" + Ids.PIN_CLOSE);
        // A wrong PIN holds the next try back for a second: the other tests' right PIN comes after it.
        Thread.sleep(1100);
    }

    @Test
    void theOperatorOpensTheLayoutEditorFromTheBookingsAndBays() throws Exception {
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> robot.lookup("#" + Ids.pinDigit(2)).tryQuery()
                .map(n -> n.getParent().getParent().isVisible()).orElse(false));
        robot.clickOn("#" + Ids.pinDigit(2)).clickOn("#" + Ids.pinDigit(4)).clickOn("#" + Ids.pinDigit(6)).clickOn("#" + Ids.pinDigit(8)).clickOn("#" + Ids.PIN_BOOKINGS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + Ids.OPERATOR_SET_UP).tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false) && robot.lookup("#" + Ids.OPERATOR_SET_UP).query().getParent().getParent().isVisible());
        robot.clickOn("#" + Ids.OPERATOR_SET_UP);
        javafx.scene.Node editor = robot.lookup("#" + com.parkwatch.ui.editor.EditorIds.EDITOR).query();
        assertTrue(editor.isVisible(), "the layout editor is open");
        assertEquals("Editing 72 bays. Save makes the camera watch the new layout at once.",
                robot.lookup("#" + com.parkwatch.ui.editor.EditorIds.MESSAGE).queryAs(Label.class).getText());
        robot.clickOn("#" + com.parkwatch.ui.editor.EditorIds.CLOSE);
        assertTrue(!editor.isVisible(), "closed, with nothing to save");
    }

    @Test
    void theGridAndHeaderFollowTheSimulatedLot() throws Exception {
        Set<Integer> changed = new HashSet<>();
        Map<Integer, SpotState> first = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (System.nanoTime() < until && (changed.size() < 2 || first == null)) {
            // The engine publishes, then the FX thread applies: they agree within a moment of each sample.
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> engine().equals(tiles()) && engine().get(1) != SpotState.UNKNOWN);
            Map<Integer, SpotState> now = tiles();
            if (first == null) {
                first = now;
            }
            for (Map.Entry<Integer, SpotState> e : now.entrySet()) {
                if (e.getValue() != first.get(e.getKey())) {
                    changed.add(e.getKey());
                }
            }
            long free = now.values().stream().filter(s -> s == SpotState.FREE).count();
            Label available = robot.lookup("#" + Ids.AVAILABLE).queryAs(Label.class);
            WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> available.getText().equals("Available " + free + " / 72")
                    || !tiles().equals(now));
            Thread.sleep(500);
        }
        assertTrue(changed.size() >= 2, "tiles that changed while the lot changed: " + changed);
        assertEquals("live", robot.lookup("#" + Ids.SOURCE_STATUS).queryAs(Label.class).getText());
        robot.clickOn("#" + Ids.SHOW_MAP);
        // The map is drawn once after each batch of changes: within a moment it draws every spot in view in its state's colour.
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> {
            Map<Integer, Integer> drawn = mapColours();
            Map<Integer, SpotState> states = tiles();
            return drawn.size() >= 10 && drawn.entrySet().stream()
                    .allMatch(e -> e.getValue() == Palette.rgb(states.get(e.getKey())));
        });
    }

    /** The colour the map shows at the left edge of each spot wholly in view, as 0xRRGGBB. */
    private static Map<Integer, Integer> mapColours() throws Exception {
        return WaitForAsyncUtils.asyncFx((Callable<Map<Integer, Integer>>) () -> {
            LotMap map = (LotMap) window.stage().getScene().lookup("#" + Ids.LOT_MAP);
            javafx.scene.image.WritableImage shot = map.snapshot(null, null);
            javafx.geometry.Bounds whole = map.getBoundsInLocal();
            javafx.geometry.Bounds view = map.localToScreen(map.getLayoutBounds());
            Map<Integer, Integer> colours = new HashMap<>();
            for (SpotTile t : window.model().tiles()) {
                map.spotOnScreen(t.id()).filter(view::contains).map(map::screenToLocal).ifPresent(b -> colours.put(t.id(),
                        shot.getPixelReader().getArgb((int) (b.getMinX() + 4 - whole.getMinX()),
                                (int) (b.getCenterY() - whole.getMinY())) & 0xffffff));
            }
            return colours;
        }).get(5, TimeUnit.SECONDS);
    }
}
