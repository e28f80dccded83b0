package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.Spot;
import com.parkwatch.vision.align.CameraShift;
import com.parkwatch.vision.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk's feed draws the boxes where the camera follower moved the layout, from the sample that moved it. */
class FeedPainterTest {

    static {
        OpenCv.load();
    }

    private static final Layout DRAWN = new Layout(640, 360, List.of(Spot.ofBox(1, new Box(100, 100, 60, 120))));

    /** Whether the pixel of the frame shown is drawn on (the frame is black). */
    private static boolean drawn(FeedBuffer shown, int x, int y) {
        double[] bgra = shown.bgra.get(y, x);
        return bgra[0] + bgra[1] + bgra[2] > 0;
    }

    @Test
    void theBoxesMoveWithTheCameraFollowerAtTheNextSample() {
        AtomicReference<Layout> followed = new AtomicReference<>(DRAWN);
        Mat black = new Mat(360, 640, CvType.CV_8UC3, Scalar.all(0));
        try (FeedPainter painter = new FeedPainter(new LiveLot(DRAWN, Clock.systemUTC(), Duration.ofDays(1)), 1, DRAWN,
                followed::get, 0)) {
            painter.frame(black, 0);
            FeedBuffer shown = painter.handOff().take();
            assertTrue(drawn(shown, 100, 205), "the box's left edge where the layout has it");
            assertTrue(!drawn(shown, 140, 205), "inside the box, away from its label, nothing is drawn");

            Layout moved = new CameraShift(40, 0, 0).apply(DRAWN);
            assertEquals(new Box(140, 100, 60, 120), moved.spots().get(0).box());
            followed.set(moved);
            painter.sampled(null, black);
            painter.frame(black, 1);
            shown = painter.handOff().take();
            assertTrue(drawn(shown, 140, 205), "the left edge where the camera moved it");
            assertTrue(!drawn(shown, 100, 205), "nothing where the box was");
            for (int[] corner : new int[][]{{2, 2}, {637, 2}, {2, 357}, {637, 357}}) {
                assertTrue(!drawn(shown, corner[0], corner[1]), "no counts panel over the feed: the header has them");
            }
        } finally {
            black.release();
        }
    }
}
