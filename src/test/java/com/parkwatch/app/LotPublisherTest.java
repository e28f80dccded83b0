package com.parkwatch.app;

import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.SpotStatus;
import com.parkwatch.vision.overlay.Annotator;
import com.parkwatch.vision.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class LotPublisherTest {

    @TempDir
    Path dir;

    @Test
    void theJpegIsMadeWhenAskedOncePerSampleFromTheAnnotatedFrame() {
        OpenCv.load();
        Layout layout = new Layout(320, 240, List.of(Spot.ofBox(1, new Box(100, 100, 60, 100))));
        LiveLot lot = new LiveLot(layout, Clock.systemUTC());
        try (JdbcBookingStore store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("bookings.db"))) {
            BookingService bookings = new BookingService(store, lot::occupancyOf, Clock.systemUTC());
            LotPublisher publisher = new LotPublisher(lot, bookings, new Annotator(layout));
            assertNull(publisher.latestJpeg(), "nothing to show before the first sample");

            Mat frame = new Mat(240, 320, CvType.CV_8UC3, Scalar.all(90));
            LotSnapshot free = new LotSnapshot(0, 0, List.of(new SpotStatus(layout.spots().get(0), Occupancy.FREE, 0.9, 0)));
            publisher.sampled(free, frame);
            assertEquals(java.util.Optional.of(Occupancy.FREE), lot.occupancyOf(1));
            byte[] first = publisher.latestJpeg();
            assertSame(first, publisher.latestJpeg(), "one encoding per sample, however often pages ask");
            Mat shown = Imgcodecs.imdecode(new MatOfByte(first), Imgcodecs.IMREAD_COLOR);
            assertEquals(320, shown.cols());
            // The spot's box is drawn in green on the grey frame.
            double[] edge = shown.get(100, 130);
            assertEquals(200, edge[1], 30);

            publisher.sampled(free, frame);
            byte[] second = publisher.latestJpeg();
            assertNotSame(first, second, "a new sample is encoded again");
            assertArrayEquals(first, second);
        }
    }
}
