package com.parkwatch.app;

import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.vision.overlay.Annotator;
import com.parkwatch.vision.track.EngineLoop;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * At each sampled frame: publishes the lot's state and draws the annotated frame, reserved spots in amber, for web
 * pages; the JPEG is made when a page asks for it, on the web's thread. Encoding a 1080p frame takes the engine's
 * thread about 40 ms, and done at every sample it held back the frames behind it, which then reached the screen
 * together and one of them was dropped.
 */
final class LotPublisher implements EngineLoop.SampleListener {

    private final LiveLot lot;
    private final BookingService bookings;
    private final Annotator annotator;
    private final Mat canvas = new Mat();
    private long drawn;
    private final Object encoding = new Object();
    private final Mat encoded = new Mat();
    private final MatOfByte jpeg = new MatOfByte();
    private long encodedSample;
    private byte[] latestJpeg;

    LotPublisher(LiveLot lot, BookingService bookings, Annotator annotator) {
        this.lot = lot;
        this.bookings = bookings;
        this.annotator = annotator;
    }

    @Override
    public void sampled(LotSnapshot snapshot, Mat frame) {
        lot.publish(snapshot);
        annotator.show(snapshot, bookings.activeBySpot().keySet());
        synchronized (canvas) {
            frame.copyTo(canvas);
            annotator.draw(canvas);
            drawn++;
        }
    }

    /** The latest annotated frame as JPEG, or null before the first; encoded once per sample, when first asked. */
    byte[] latestJpeg() {
        synchronized (encoding) {
            long sample;
            synchronized (canvas) {
                sample = drawn;
                if (sample == 0 || sample == encodedSample) {
                    return latestJpeg;
                }
                // A copy to encode from, so that the engine is held up for the copy only, not the encoding.
                canvas.copyTo(encoded);
            }
            Imgcodecs.imencode(".jpg", encoded, jpeg);
            latestJpeg = jpeg.toArray();
            encodedSample = sample;
            return latestJpeg;
        }
    }
}
