package com.parkwatch.vision.track;

/**
 * How the tracker samples, when it re-classifies, and how readily a spot changes state.
 *
 * @param step           analyse every step-th frame (the tutorial's 30)
 * @param changeRatio    re-classify spots whose mean moved by more than this share of the step's largest move
 * @param changeFloor    ...and by more than this many grey levels, so that noise and a drifting camera's small changes
 *                       re-classify nothing (a car that comes or goes moves its spot's mean by far more, or its
 *                       texture: see the next)
 * @param textureLimit   re-classify a spot whose pixels differ from those at its last classification by more than
 *                       this many grey levels on average: catches a car whose mean is close to the asphalt's, or one
 *                       that arrived beside a bigger change
 * @param lotRatio       ...and when the whole lot moves (a swaying camera, a drone, passing clouds) by more than the
 *                       limits above, a spot must stand out from the lot's median by this factor
 * @param stillLimit     a spot due for another look whose pixels differ from those at its last classification by
 *                       at most this many grey levels on average (sensor and compression noise) is given its last
 *                       verdict again instead of being classified: the same picture would get the same answer
 * @param sureConfidence a disagreeing verdict at least this confident changes the state at once; less confident
 *                       ones must add up to as much (see {@link SpotTrack}); a spot whose state rests on a less
 *                       confident verdict is classified again at every sample
 */
public record TrackerSettings(int step, double changeRatio, double changeFloor, double textureLimit,
                              double lotRatio, double stillLimit, double sureConfidence) {

    public static final int DEFAULT_STEP = 30;

    public TrackerSettings {
        if (step < 1) {
            throw new IllegalArgumentException("the step must be at least 1 frame, got " + step);
        }
        if (sureConfidence <= 0.5 || sureConfidence > 1) {
            throw new IllegalArgumentException("the sure confidence must lie above 0.5 and at most 1, got " + sureConfidence);
        }
    }

    public static TrackerSettings withStep(int step) {
        return new TrackerSettings(step, 0.4, 5.0, 10.0, 2.5, 5.0, 0.75);
    }
}
