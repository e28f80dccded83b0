package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.CameraNumbering;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk's model of a lot of two cameras, one of which goes down: plain JUnit, no window. */
class SeveralCamerasModelTest {

    private final Layout camera = new Layout(640, 480, List.of(Spot.ofBox(1, new Box(0, 0, 50, 90)),
            Spot.ofBox(2, new Box(60, 0, 50, 90))));
    private final List<Layout> cameras = CameraNumbering.acrossCameras(List.of(camera, camera));
    private final LiveLot lot = new LiveLot(cameras, Clock.systemUTC(), Duration.ofHours(1));
    private final LotViewModel model = new LotViewModel(SideBySide.of(cameras));

    private void allFree(int number) {
        lot.publish(number, new LotSnapshot(0, 0, cameras.get(number - 1).spots().stream()
                .map(s -> new SpotStatus(s, Occupancy.FREE, 1, 0)).toList()));
        lot.health(number, SourceHealth.live());
    }

    private void show() {
        model.applyTiles(lot.view(), Instant.now(), 0, 4);
        model.applyLot(lot.view(), Instant.now());
    }

    @Test
    void aCameraDownGreysItsOwnSpotsOnlyAndTheBannerSaysWhich() {
        allFree(1);
        allFree(2);
        show();
        assertEquals("Available 4 / 4", model.availableTextProperty().get());
        assertEquals("", model.notLiveReasonProperty().get());
        assertEquals(List.of("1", "2", "3", "4"), model.tiles().stream().map(SpotTile::label).toList());
        // The map puts camera 2's spots to the right of camera 1's.
        assertTrue(model.layout().spots().get(2).box().x() > camera.width());

        lot.health(2, new SourceHealth(SourceHealth.State.FAILED, "the stream stopped", null));
        show();
        assertTrue(model.liveProperty().get(), "camera 1 still watches");
        assertTrue(model.cameraLiveProperty(1).get());
        assertFalse(model.cameraLiveProperty(2).get());
        assertEquals("Available 2 / 4", model.availableTextProperty().get());
        assertEquals(SpotState.FREE, model.tile(2).stateProperty().get());
        assertEquals(SpotState.UNKNOWN, model.tile(3).stateProperty().get());
        assertEquals(List.of(1, 2), model.freeSpotIds());
        assertEquals("Camera 2 is not live: failed: the stream stopped.", model.notLiveReasonProperty().get());
        assertEquals("live: Camera 2 failed", model.statusProperty().get());
    }
}
