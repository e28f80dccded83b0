package com.parkwatch.app;

import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.vision.Annotator;
import com.parkwatch.vision.EngineLoop;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import java.util.concurrent.atomic.AtomicReference;

/**
 * At each sampled frame: publishes the lot's state and renders the annotated frame, reserved spots in amber, as the
 * JPEG that web pages show.
 */
final class LotPublisher implements EngineLoop.SampleListener {

    private final LiveLot lot;
    private final BookingService bookings;
    private final Annotator annotator;
    private final Mat canvas = new Mat();
    private final MatOfByte jpeg = new MatOfByte();
    private final AtomicReference<byte[]> latestJpeg = new AtomicReference<>();

    LotPublisher(LiveLot lot, BookingService bookings, Annotator annotator) {
        this.lot = lot;
        this.bookings = bookings;
        this.annotator = annotator;
    }

    @Override
    public void sampled(LotSnapshot snapshot, Mat frame) {
        lot.publish(snapshot);
        annotator.show(snapshot, bookings.activeBySpot().keySet());
        frame.copyTo(canvas);
        annotator.draw(canvas);
        Imgcodecs.imencode(".jpg", canvas, jpeg);
        latestJpeg.set(jpeg.toArray());
    }

    /** The latest annotated frame as JPEG, or null before the first. */
    byte[] latestJpeg() {
        return latestJpeg.get();
    }
}
