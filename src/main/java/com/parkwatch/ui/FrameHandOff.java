package com.parkwatch.ui;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands the newest frame from the engine to the FX thread without queueing: three buffers, one being drawn by the
 * engine, one on screen, one ready or free. When the screen falls behind, the ready frame is overwritten by the
 * next, so frames are dropped, never queued. The FX thread never waits; the engine may wait a moment for the screen
 * to take the ready frame (a file can wait, a camera cannot), which keeps a frame from being lost to a screen pulse
 * that came a little late.
 *
 * @param <T> a frame buffer
 */
final class FrameHandOff<T> {

    /** How often a waiting engine looks again: a fraction of a screen refresh, at little cost. */
    private static final long WAIT_SLICE_NANOS = 200_000;

    private final AtomicReference<T> ready = new AtomicReference<>();
    private final AtomicReference<T> free = new AtomicReference<>();
    private T drawing;
    private T showing;
    private long dropped;

    FrameHandOff(T drawing, T showing, T spare) {
        this.drawing = drawing;
        this.showing = showing;
        free.set(spare);
    }

    /** Engine side: the buffer to draw the next frame into. */
    T drawing() {
        return drawing;
    }

    /**
     * Engine side: the drawn buffer is ready, once the screen has taken the frame before or {@code patienceNanos}
     * have passed, whichever comes first; returns the buffer to draw the next frame into.
     */
    T publish(long patienceNanos) {
        long deadline = System.nanoTime() + patienceNanos;
        while (ready.get() != null && deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(WAIT_SLICE_NANOS);
        }
        T replaced = ready.getAndSet(drawing);
        if (replaced != null) {
            dropped++;
            drawing = replaced;
        } else {
            T spare;
            // The FX thread hands its old buffer back right after taking the ready one: a moment at most.
            while ((spare = free.getAndSet(null)) == null) {
                Thread.onSpinWait();
            }
            drawing = spare;
        }
        return drawing;
    }

    /** FX side: the newest frame if one came since the last call, which then is on screen; else null. */
    T take() {
        T next = ready.getAndSet(null);
        if (next == null) {
            return null;
        }
        T old = showing;
        showing = next;
        free.set(old);
        return next;
    }

    /** Engine side: frames overwritten before the screen could show them. */
    long dropped() {
        return dropped;
    }
}
