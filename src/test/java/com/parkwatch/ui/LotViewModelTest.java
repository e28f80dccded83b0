package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk's lot view model, driven by plain JUnit from the live lot's views: no FX thread, no window. */
class LotViewModelTest {

    private final Layout layout = new Layout(640, 480, List.of(Spot.ofBox(1, new Box(0, 0, 50, 90)),
            Spot.ofBox(2, new Box(60, 0, 50, 90)), Spot.ofBox(3, new Box(120, 0, 50, 90))));
    private final LiveLot lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
    private final LotViewModel model = new LotViewModel(layout);

    private void show() {
        model.applyTiles(lot.view(), Instant.now(), 0, 3);
        model.applyLot(lot.view(), Instant.now());
    }

    @Test
    void aLiveLotShowsItsCountsAndStatesAndABookingTakesASpotOffTheFreeOnes() {
        lot.publish(new LotSnapshot(0, 0, List.of(new SpotStatus(layout.spots().get(0), Occupancy.FREE, 1, 0),
                new SpotStatus(layout.spots().get(1), Occupancy.OCCUPIED, 1, 0),
                new SpotStatus(layout.spots().get(2), Occupancy.FREE, 1, 0))));
        lot.health(SourceHealth.live());
        show();
        assertTrue(model.liveProperty().get());
        assertEquals("Available 2 / 3", model.availableTextProperty().get());
        assertEquals("Free: 1 3", model.freeSpotsProperty().get());
        assertEquals("live", model.statusProperty().get());

        lot.reservations(Map.of(3, Instant.now().plusSeconds(900)));
        show();
        assertEquals("Available 1 / 3", model.availableTextProperty().get());
        assertEquals(SpotState.RESERVED, model.tiles().get(2).stateProperty().get());
        assertEquals(List.of(1), model.freeSpotIds());
    }

    @Test
    void aBlindCameraOffersNoCountAsCurrentAndSaysWhy() {
        lot.publish(new LotSnapshot(0, 0, List.of(new SpotStatus(layout.spots().get(0), Occupancy.FREE, 1, 0),
                new SpotStatus(layout.spots().get(1), Occupancy.FREE, 1, 0),
                new SpotStatus(layout.spots().get(2), Occupancy.FREE, 1, 0))));
        lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
        show();
        assertFalse(model.liveProperty().get());
        assertEquals("Availability unknown", model.availableTextProperty().get());
        assertEquals("", model.freeSpotsProperty().get());
        assertTrue(model.notLiveReasonProperty().get().contains("reconnecting: connection refused"),
                model.notLiveReasonProperty().get());
        assertTrue(model.lastSeenProperty().get().startsWith("seen "), model.lastSeenProperty().get());
    }

    @Test
    void aNewLayoutGetsNewTilesAndAViewOfTheOldOneIsPassedOver() {
        lot.publish(new LotSnapshot(0, 0, List.of(new SpotStatus(layout.spots().get(0), Occupancy.FREE, 1, 0),
                new SpotStatus(layout.spots().get(1), Occupancy.FREE, 1, 0),
                new SpotStatus(layout.spots().get(2), Occupancy.FREE, 1, 0))));
        lot.health(SourceHealth.live());
        Layout saved = new Layout(640, 480, List.of(
                Spot.ofBox(1, new Box(0, 0, 50, 90)).described("A1", null, java.util.Set.of()),
                Spot.ofBox(2, new Box(60, 0, 50, 90)).described("A2", null, java.util.Set.of())));
        model.relayout(saved);
        assertEquals(saved, model.layoutProperty().get());
        assertEquals(List.of("A1", "A2"), model.shownTiles().stream().map(SpotTile::label).toList());

        model.applyTiles(lot.view(), Instant.now(), 0, 2);
        assertEquals(SpotState.UNKNOWN, model.tiles().get(0).stateProperty().get(),
                "a view of the three old spots is not spread over the two new ones");

        LiveLot relaid = new LiveLot(saved, Clock.systemUTC(), Duration.ofHours(1));
        relaid.publish(new LotSnapshot(1, 0, List.of(new SpotStatus(saved.spots().get(0), Occupancy.OCCUPIED, 1, 0),
                new SpotStatus(saved.spots().get(1), Occupancy.FREE, 1, 0))));
        relaid.health(SourceHealth.live());
        model.applyTiles(relaid.view(), Instant.now(), 0, 2);
        assertEquals(SpotState.OCCUPIED, model.tiles().get(0).stateProperty().get());
        assertEquals(SpotState.FREE, model.tiles().get(1).stateProperty().get());
    }
}
