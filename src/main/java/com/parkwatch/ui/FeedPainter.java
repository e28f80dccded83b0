package com.parkwatch.ui;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.vision.overlay.Annotator;
import com.parkwatch.vision.track.EngineLoop;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * On the engine thread: draws each frame, annotated with the lot's state now, into the feed's hand-off at the size
 * it is shown at. A file's first frame waits for the screen to be ready rather than play to nobody.
 */
final class FeedPainter implements EngineLoop.SampleListener, AutoCloseable {

    private final LiveLot lot;
    /** The camera whose frames these are, from 1: its spots are drawn. */
    private final int camera;
    private final Supplier<Layout> followed;
    /** The camera's layout the boxes are drawn from: a new one (switched to, or followed) is drawn anew. */
    private Layout drawnFrom;
    private Annotator annotator;
    private final FeedBuffer[] buffers;
    private final FrameHandOff<FeedBuffer> feed;
    private final Size shownSize;
    /** How long a file's frame waits for the screen to take the one before; 0 for a camera. */
    private final long patienceNanos;
    private final AtomicBoolean lotChanged = new AtomicBoolean(true);
    private final AtomicLong framesDecoded = new AtomicLong();
    /** The frame brought to the size it is shown at, when that is smaller. */
    private final Mat reduced = new Mat();
    private final CountDownLatch screenReady;

    /**
     * @param camera     the camera whose frames are drawn, from 1
     * @param shown      its layout at the size the feed is shown at
     * @param followed   its layout where the camera follower moved it, read at each sample
     * @param frameNanos a file's frame time, or 0 for a source that paces itself
     */
    FeedPainter(LiveLot lot, int camera, Layout shown, Supplier<Layout> followed, long frameNanos) {
        this.lot = lot;
        this.camera = camera;
        this.followed = followed;
        this.drawnFrom = followed.get();
        this.annotator = Annotator.withoutPanel(shown);
        buffers = new FeedBuffer[]{new FeedBuffer(shown.width(), shown.height()),
                new FeedBuffer(shown.width(), shown.height()), new FeedBuffer(shown.width(), shown.height())};
        this.feed = new FrameHandOff<>(buffers[0], buffers[1], buffers[2]);
        this.shownSize = new Size(shown.width(), shown.height());
        this.patienceNanos = frameNanos;
        this.screenReady = new CountDownLatch(frameNanos > 0 ? 1 : 0);
        lot.subscribe(view -> lotChanged.set(true));
    }

    /** From the FX thread, once the window has drawn its first pulses: files start playing. */
    void screenReady() {
        screenReady.countDown();
    }

    /** The frames drawn, for the screen to take. */
    FrameHandOff<FeedBuffer> handOff() {
        return feed;
    }

    FeedBuffer[] buffers() {
        return buffers;
    }

    long framesDecoded() {
        return framesDecoded.get();
    }

    /** On the engine thread, between frames: the camera's layout changed (the operator saved one), its boxes with it. */
    void relayout(Layout camera) {
        drawnFrom = camera;
        annotator.close();
        annotator = Annotator.withoutPanel(camera.fittedTo((int) shownSize.width, (int) shownSize.height));
        lotChanged.set(true);
    }

    @Override
    public void sampled(LotSnapshot snapshot, Mat frame) {
        // The lot itself says when it changed: samples, bookings and the camera's health alike. The boxes move
        // with a knocked camera (rarely: only then is the drawing made again).
        Layout now = followed.get();
        if (now != drawnFrom) {
            relayout(now);
        }
    }

    @Override
    public void frame(Mat frame, long index) {
        try {
            screenReady.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (lotChanged.getAndSet(false)) {
            annotator.show(lot.view().camera(camera));
        }
        Mat target = feed.drawing().bgra;
        if (target.cols() == frame.cols()) {
            Imgproc.cvtColor(frame, target, Imgproc.COLOR_BGR2BGRA);
        } else {
            // The screen shows fewer pixels than the camera gives: the FX thread then draws without scaling.
            Imgproc.resize(frame, reduced, shownSize, 0, 0, Imgproc.INTER_LINEAR);
            Imgproc.cvtColor(reduced, target, Imgproc.COLOR_BGR2BGRA);
        }
        annotator.draw(target);
        // A file waits up to a frame for the screen to take the frame before, so that a screen pulse a little late
        // costs no frame; the loop's clock makes the wait up. A camera's frames come when they come.
        feed.publish(patienceNanos);
        framesDecoded.incrementAndGet();
    }

    /** After the engine has stopped: the feed's buffers and the drawing are freed with the painter. */
    @Override
    public void close() {
        annotator.close();
        reduced.release();
        for (FeedBuffer b : buffers) {
            b.release();
        }
    }
}
