package com.parkwatch.watch;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.vision.align.CameraShift;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Palette;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotStatus;
import com.parkwatch.vision.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SnapshotPictureTest {

    @Test
    void thePictureShowsTheLotAsItIsWhenAskedABookingAtOnce() {
        OpenCv.load();
        Layout layout = new Layout(320, 240, List.of(Spot.ofBox(1, new Box(100, 100, 60, 100))));
        LiveLot lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
        AtomicReference<Layout> followed = new AtomicReference<>(layout);
        try (SnapshotPicture picture = new SnapshotPicture(lot, layout, 1, followed::get)) {
            assertNull(picture.latestJpeg(), "nothing to show before the first sample");
            Mat frame = new Mat(240, 320, CvType.CV_8UC3, Scalar.all(90));
            lot.health(SourceHealth.live());
            lot.publish(new LotSnapshot(0, 0, List.of(new SpotStatus(layout.spots().get(0), Occupancy.FREE, 0.9, 0))));
            picture.sampled(frame);
            assertColour(SpotState.FREE, picture.latestJpeg());

            // A booking shows in the next picture asked for, with no new sample.
            lot.reservations(Map.of(1, Instant.now().plusSeconds(600)));
            assertColour(SpotState.RESERVED, picture.latestJpeg());

            // A knocked camera: the box is drawn where the follower moved it, not where the file has it.
            followed.set(new CameraShift(0, 30, 0).apply(layout));
            Mat moved = Imgcodecs.imdecode(new MatOfByte(picture.latestJpeg()), Imgcodecs.IMREAD_COLOR);
            assertEquals(90, moved.get(100, 130)[0], 30, "nothing where the box's top edge was");
            assertEquals(Palette.rgb(SpotState.RESERVED) & 0xff, moved.get(130, 130)[0], 30, "the top edge moved down");
            moved.release();
            followed.set(layout);

            // A blind camera's last picture shows no state as current: every box grey.
            lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
            assertColour(Palette.NOT_LIVE, picture.latestJpeg());
        }
    }

    /** The top edge of the spot's box, in the state's colour (JPEG: within a few levels). */
    private static void assertColour(SpotState state, byte[] jpeg) {
        assertColour(Palette.rgb(state), jpeg);
    }

    private static void assertColour(int rgb, byte[] jpeg) {
        Mat shown = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_COLOR);
        assertEquals(320, shown.cols());
        double[] edge = shown.get(100, 130);
        assertEquals(rgb & 0xff, edge[0], 30, "blue");
        assertEquals((rgb >> 8) & 0xff, edge[1], 30, "green");
        assertEquals((rgb >> 16) & 0xff, edge[2], 30, "red");
    }
}
