package com.parkwatch.publish;

/** What the engine has done so far, read when the metrics are scraped: never counted per frame here. */
public interface EngineReadings {

    long framesDecoded();

    long framesAnalysed();

    /** The tracker's time over all analysed frames. */
    long analysisNanos();

    /** Times the camera was lost and reconnecting began. */
    long reconnects();
}
