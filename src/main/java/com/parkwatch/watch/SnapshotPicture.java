package com.parkwatch.watch;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.vision.overlay.Annotator;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import java.util.function.Supplier;

/**
 * The annotated picture of the lot for web pages, as JPEG. The engine only copies each sampled frame here; the
 * drawing and the encoding happen when a page asks, on the web's thread, with the lot's state at that moment (so a
 * booking shows at once). Encoding a 1080p frame takes about 40 ms, and done on the engine's thread at every sample
 * it held back the frames behind it, which then reached the screen together and one was dropped.
 */
final class SnapshotPicture implements AutoCloseable {

    private final LiveLot lot;
    /** The camera whose frames these are, from 1: its spots are drawn. */
    private final int camera;
    /** The camera's layout where the camera follower moved it: the boxes are drawn where the cars are. */
    private final Supplier<Layout> followed;
    /** The layout the annotator draws, replaced (under the encoding lock) when the follower moved it. */
    private Layout drawnFrom;
    private Annotator annotator;
    private final Mat sampled = new Mat();
    private final Mat canvas = new Mat();
    private final MatOfByte jpeg = new MatOfByte();
    private final Object encoding = new Object();
    private long frames;
    private boolean closed;

    /** @param followed the layout where the camera follower moved it, at the frames' size: read at each drawing */
    SnapshotPicture(LiveLot lot, Layout layout, int camera, Supplier<Layout> followed) {
        this.lot = lot;
        this.camera = camera;
        this.followed = followed;
        this.drawnFrom = layout;
        this.annotator = new Annotator(layout);
    }

    /** On the engine's thread: the frame of a new sample, BGR at the layout's size. */
    synchronized void sampled(Mat frame) {
        if (closed) {
            return;
        }
        frame.copyTo(sampled);
        frames++;
    }

    /** The latest sampled frame drawn with the lot's state now, or null before the first sample. */
    byte[] latestJpeg() {
        synchronized (encoding) {
            synchronized (this) {
                if (frames == 0 || closed) {
                    return null;
                }
                // The engine waits for this copy only, not for the drawing and encoding.
                sampled.copyTo(canvas);
            }
            Layout now = followed.get();
            if (now != drawnFrom) {
                annotator.close();
                annotator = new Annotator(now);
                drawnFrom = now;
            }
            annotator.show(lot.view().camera(camera));
            annotator.draw(canvas);
            Imgcodecs.imencode(".jpg", canvas, jpeg);
            return jpeg.toArray();
        }
    }

    /** Takes over the latest frame of the picture this one replaces, so that a new layout has a picture at once. */
    void takeFrameOf(SnapshotPicture before) {
        synchronized (before) {
            if (before.frames == 0 || before.closed) {
                return;
            }
            sampled(before.sampled);
        }
    }

    /** The latest sampled frame as the camera gave it, undrawn, as JPEG; null before the first sample. */
    byte[] latestStill() {
        Mat still = new Mat();
        MatOfByte encoded = new MatOfByte();
        try {
            synchronized (this) {
                if (frames == 0 || closed) {
                    return null;
                }
                sampled.copyTo(still);
            }
            Imgcodecs.imencode(".jpg", still, encoded);
            return encoded.toArray();
        } finally {
            still.release();
            encoded.release();
        }
    }

    @Override
    public void close() {
        synchronized (encoding) {
            synchronized (this) {
                closed = true;
                annotator.close();
                sampled.release();
                canvas.release();
                jpeg.release();
            }
        }
    }
}
