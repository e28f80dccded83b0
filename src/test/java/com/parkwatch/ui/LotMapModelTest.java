package com.parkwatch.ui;

import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;
import com.parkwatch.lot.Vertex;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the map and the list show, from the lot view model and plain JUnit: spots in reading order with their labels,
 * "free only", the spot "Book a spot" offers, and which spot a tap on the feed meant.
 */
class LotMapModelTest {

    /** Two rows drawn out of order by the mask: ids 1, 2 below, 3, 4 above; spot 4 is for staff, 2 accessible. */
    private static final List<Spot> SPOTS = List.of(
            Spot.ofBox(1, new Box(0, 200, 50, 90)),
            Spot.ofBox(2, new Box(60, 200, 50, 90)).described(null, null, Set.of(BayType.ACCESSIBLE)),
            Spot.ofBox(3, new Box(0, 0, 50, 90)),
            Spot.ofBox(4, new Box(60, 0, 50, 90)).described(null, null, Set.of(BayType.STAFF_ONLY)));

    private static LotViewModel showing(Layout layout, Occupancy... seen) {
        LotViewModel model = new LotViewModel(layout, new Texts(Locale.ENGLISH));
        show(model, layout, seen);
        return model;
    }

    /** A sample of the lot reaching the model as the kiosk passes it on. */
    private static void show(LotViewModel model, Layout layout, Occupancy... seen) {
        LiveLot lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
        List<SpotStatus> states = new java.util.ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            states.add(new SpotStatus(layout.spots().get(i), seen[i], 1, 0));
        }
        lot.publish(new LotSnapshot(0, 0, states));
        lot.health(SourceHealth.live());
        model.applyTiles(lot.view(), Instant.now(), 0, seen.length);
        model.applyLot(lot.view(), Instant.now());
    }

    @Test
    void freeOnlyFollowsEachSampleAndTheShownListChangesOnlyWhenWhichSpotsItHoldsChanges() {
        Layout layout = new Layout(640, 480, SPOTS);
        LotViewModel model = showing(layout, Occupancy.FREE, Occupancy.FREE, Occupancy.OCCUPIED, Occupancy.FREE);
        int[] changes = {0};
        model.shownTiles().addListener((javafx.collections.ListChangeListener<SpotTile>) c -> changes[0]++);
        show(model, layout, Occupancy.OCCUPIED, Occupancy.FREE, Occupancy.FREE, Occupancy.FREE);
        assertEquals(0, changes[0], "all four shown before and after: the list (and the grid's cells) left alone");

        model.setFreeOnly(true);
        assertEquals(List.of(3, 2), model.shownTiles().stream().map(SpotTile::id).toList());
        changes[0] = 0;
        show(model, layout, Occupancy.OCCUPIED, Occupancy.FREE, Occupancy.FREE, Occupancy.FREE);
        assertEquals(0, changes[0], "the same free spots");
        show(model, layout, Occupancy.FREE, Occupancy.OCCUPIED, Occupancy.FREE, Occupancy.FREE);
        assertEquals(List.of(3, 1), model.shownTiles().stream().map(SpotTile::id).toList(), "spot 2 taken, spot 1 left");
        assertEquals(1, changes[0], "one change for the whole sample");
    }

    @Test
    void theMapAndTheListShowTheSpotsInReadingOrderByTheirLabelsAndFreeOnlyHidesTheOthers() {
        LotViewModel model = showing(new Layout(640, 480, SPOTS), Occupancy.FREE, Occupancy.FREE, Occupancy.OCCUPIED,
                Occupancy.FREE);
        assertEquals(List.of(3, 4, 1, 2), model.shownTiles().stream().map(SpotTile::id).toList(), "rows from the top");
        assertEquals(List.of("1", "2", "3", "4"), model.shownTiles().stream().map(SpotTile::label).toList());
        assertEquals("4 ♿", model.tile(2).labelWithSymbols(), "the bay's symbol beside its label");
        assertEquals(com.parkwatch.lot.SpotState.CLOSED, model.tile(4).stateProperty().get(), "a staff bay is never free");
        assertEquals("Free: 3 4", model.freeSpotsProperty().get(), "the header names spots by their labels");

        model.setFreeOnly(true);
        assertEquals(List.of(1, 2), model.shownTiles().stream().map(SpotTile::id).toList());
        model.setFreeOnly(false);
        assertEquals(4, model.shownTiles().size());
    }

    @Test
    void bookASpotOffersTheFirstFreeBayForDriversInReadingOrderOrTheNearestTheEntrance() {
        LotViewModel model = showing(new Layout(640, 480, SPOTS), Occupancy.FREE, Occupancy.FREE, Occupancy.OCCUPIED,
                Occupancy.FREE);
        assertEquals(1, model.bestFreeSpot().orElseThrow().id(), "spot 4 (staff only) is never offered");

        Layout withEntrance = new Layout(640, 480, SPOTS, new Vertex(120, 300));
        LotViewModel near = showing(withEntrance, Occupancy.FREE, Occupancy.FREE, Occupancy.OCCUPIED, Occupancy.FREE);
        assertEquals(2, near.bestFreeSpot().orElseThrow().id(), "the one nearest the entrance");

        LotViewModel full = showing(new Layout(640, 480, SPOTS), Occupancy.OCCUPIED, Occupancy.OCCUPIED,
                Occupancy.OCCUPIED, Occupancy.FREE);
        assertTrue(full.bestFreeSpot().isEmpty(), "only a staff bay is free: nothing is offered");
    }

    @Test
    void aTapOnTheFeedIsBroughtBackToTheFrameAndToTheSpotUnderIt() {
        Layout shown = new Layout(640, 480, SPOTS);
        // The picture shown at half its size: (30, 10) on screen is (60, 20) in the frame, inside spot 4.
        assertEquals(4, SpotAt.tap(shown, 30, 10, 320).orElseThrow().id());
        assertEquals(1, SpotAt.tap(shown, 10, 120, 320).orElseThrow().id());
        assertTrue(SpotAt.tap(shown, 200, 200, 320).isEmpty(), "between the spots: none");
        // A slanted outline: its box holds the point, the outline does not.
        Spot slanted = new Spot(9, List.of(new Vertex(300, 0), new Vertex(400, 0), new Vertex(350, 100), new Vertex(250, 100)));
        Layout tilted = new Layout(640, 480, List.of(slanted));
        assertTrue(SpotAt.inside(tilted, 260, 10).isEmpty());
        assertEquals(9, SpotAt.inside(tilted, 320, 50).orElseThrow().id());
    }

    @Test
    void aWindowSizeIsReadFromTheOptionAndRefusedBelow1024x768() {
        assertEquals(new WindowSize(1024, 768), WindowSize.parse("1024x768"));
        IllegalArgumentException small = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WindowSize.parse("800x600"));
        assertTrue(small.getMessage().contains("1024x768"), small.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> WindowSize.parse("big"));
    }
}
