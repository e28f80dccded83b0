package com.parkwatch.vision.video;

import com.parkwatch.lot.Layout;

import java.util.Optional;
import java.util.OptionalLong;

/** Frames from a file, stream, camera, image folder or the simulated lot, one at a time, in BGR. */
public interface FrameSource extends AutoCloseable {

    /**
     * The next frame, 8-bit BGR. The Mat belongs to the source and stays valid until the next call or close;
     * callers copy what they keep.
     *
     * @return the frame, or null when the source has ended
     */
    org.opencv.core.Mat next() throws SourceException;

    /**
     * Moves past the next frame without producing its pixels, for frames nobody looks at. Sources whose decoder
     * can leave out the colour conversion do.
     *
     * @return false when the source has ended
     */
    default boolean skip() throws SourceException {
        return skip(1) == 1;
    }

    /**
     * Moves past {@code frames} frames nobody looks at; the frame after them is the next one {@link #next} hands
     * out. Sources that know which frames come next may leave out what those frames do not need.
     *
     * @return how many frames were moved past: fewer only when the source ended
     */
    default long skip(long frames) throws SourceException {
        long skipped = 0;
        while (skipped < frames && next() != null) {
            skipped++;
        }
        return skipped;
    }

    /**
     * Decodes the next frame in full but leaves out its conversion to BGR: what decoding alone costs, for
     * {@code bench}. Sources with no decoder of their own skip the frame.
     *
     * @return false when the source has ended
     */
    default boolean decodeOnly() throws SourceException {
        return skip();
    }

    int width();

    int height();

    /** Frames per second of the source's own clock. */
    double frameRate();

    /** How many frames the source will deliver in all, when its header says; empty for live and endless sources. */
    default OptionalLong declaredFrames() {
        return OptionalLong.empty();
    }

    /** True for cameras and streams, which deliver frames in real time; files and the simulation are paced by the reader. */
    default boolean isLive() {
        return false;
    }

    /** A layout the source brings itself (the simulated lot does); files and cameras need a mask. */
    default Optional<Layout> ownLayout() {
        return Optional.empty();
    }

    @Override
    void close();
}
