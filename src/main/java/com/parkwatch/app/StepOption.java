package com.parkwatch.app;

import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.FrameSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How often the engine analyses a frame: shared by the commands that watch a lot. */
public final class StepOption {

    @Option(names = "--step", paramLabel = "N", defaultValue = "" + TrackerSettings.DEFAULT_STEP,
            description = "Analyse every N-th frame (default: ${DEFAULT-VALUE}).")
    int step;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public TrackerSettings settings() {
        if (step < 1) {
            throw new IllegalArgumentException("--step must be at least 1 frame, got " + step);
        }
        return TrackerSettings.withStep(step);
    }

    /**
     * Refuses a --step given longer than a source whose length is known: only its first frame would be analysed.
     * The default step is left alone: a clip shorter than it still gets its first frame analysed.
     */
    void checkAgainst(FrameSource source) {
        long frames = source.declaredFrames().orElse(Long.MAX_VALUE);
        if (step > frames && command.commandLine().getParseResult().hasMatchedOption("--step")) {
            throw new IllegalArgumentException("--step " + step + " is more than the " + frames
                    + " frames of the video: only its first frame would be analysed");
        }
    }
}
