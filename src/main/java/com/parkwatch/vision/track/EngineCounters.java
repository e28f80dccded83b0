package com.parkwatch.vision.track;

/**
 * What the frame loop has done, for the metrics: frames decoded and analysed, and the analysis time they took.
 * Written by the engine thread alone with plain increments of volatile fields (no allocation, no lock per frame);
 * read by any thread, each field on its own.
 */
public final class EngineCounters {

    private volatile long decoded;
    private volatile long analysed;
    private volatile long analysisNanos;

    void decoded() {
        decoded(1);
    }

    void decoded(long frames) {
        decoded = decoded + frames;
    }

    void analysed(long nanos) {
        analysisNanos = analysisNanos + nanos;
        analysed = analysed + 1;
    }

    /** Frames read from the source, whether converted to colour or skipped between samples. */
    public long framesDecoded() {
        return decoded;
    }

    /** Sampled frames the tracker analysed. */
    public long framesAnalysed() {
        return analysed;
    }

    /** The tracker's time over all analysed frames. */
    public long analysisNanos() {
        return analysisNanos;
    }
}
