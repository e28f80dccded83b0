package com.parkwatch.app;

import com.parkwatch.vision.track.TrackerSettings;
import picocli.CommandLine.Option;

/** How often the engine analyses a frame: shared by the commands that watch a lot. */
public final class StepOption {

    @Option(names = "--step", paramLabel = "N", defaultValue = "" + TrackerSettings.DEFAULT_STEP,
            description = "Analyse every N-th frame (default: ${DEFAULT-VALUE}).")
    int step;

    public TrackerSettings settings() {
        if (step < 1) {
            throw new IllegalArgumentException("--step must be at least 1 frame, got " + step);
        }
        return TrackerSettings.withStep(step);
    }
}
