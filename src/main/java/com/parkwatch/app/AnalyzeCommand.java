package com.parkwatch.app;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.StateChanges;
import com.parkwatch.vision.overlay.Annotator;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.track.EngineLoop;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.VideoSink;
import org.opencv.core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Follow which spots are free through a video, a stream, a camera or the simulated lot.")
final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Mixin
    ModelOption model;

    @Mixin
    StepOption step;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Write one JSON object per sampled frame, one per line.")
    Path json;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the annotated video (.mp4 or .avi).")
    Path out;

    @Option(names = "--max-frames", paramLabel = "N", description = "Stop after N frames (the simulated lot never ends).")
    Long maxFrames;

    @Option(names = "--annotate", description = "Draw the annotation on every frame even when no video is written.")
    boolean annotate;

    @Override
    public Integer call() throws SourceException, IOException, InterruptedException {
        TrackerSettings settings = step.settings();
        if (maxFrames != null && maxFrames < 1) {
            throw new IllegalArgumentException("--max-frames must be at least 1, got " + maxFrames);
        }
        try (FrameSource frames = source.open()) {
            step.checkAgainst(frames);
            Layout layout = source.layoutFor(frames);
            var classifier = model.load();
            try (OccupancyTracker tracker = new OccupancyTracker(layout, classifier, settings);
                 SnapshotLines lines = json == null ? null : new SnapshotLines(json);
                 VideoSink sink = out == null ? null : new VideoSink(out, frames.width(), frames.height(), frames.frameRate());
                 Annotator annotator = annotate || out != null ? new Annotator(layout) : null) {
                return run(frames, tracker, lines, sink, annotator);
            }
        }
    }

    private int run(FrameSource frames, OccupancyTracker tracker, SnapshotLines lines, VideoSink sink, Annotator annotator)
            throws SourceException, InterruptedException {
        SimulatedTruth truth = frames instanceof SimulatedLot sim ? new SimulatedTruth(sim) : null;
        StateChanges changes = new StateChanges();
        long[] samples = {0};
        EngineLoop.SampleListener listener = new EngineLoop.SampleListener() {
            @Override
            public void sampled(LotSnapshot snapshot, Mat frame) {
                samples[0]++;
                changes.record(snapshot);
                if (lines != null) {
                    lines.write(snapshot);
                }
                if (annotator != null) {
                    annotator.show(LotView.of(snapshot));
                }
                if (truth != null && samples[0] > 1) {
                    truth.score(snapshot);
                }
            }

            @Override
            public void frame(Mat frame, long index) {
                if (annotator == null) {
                    return;
                }
                Mat target = sink != null ? sink.canvas() : frame;
                if (sink != null) {
                    frame.copyTo(target);
                }
                annotator.draw(target);
                if (sink != null) {
                    try {
                        sink.write();
                    } catch (SourceException e) {
                        // The video being written cannot take more (a full disk): the run ends with that reason.
                        throw new UncheckedIOException(new IOException(e.getMessage(), e));
                    }
                }
            }

            @Override
            public boolean looksAtEveryFrame() {
                // Nobody looks at the frames between samples: decode them, but leave out the conversion to colour.
                return annotator != null;
            }
        };
        long started = System.nanoTime();
        long played = new EngineLoop(frames, tracker, listener, EngineLoop.Pace.AS_FAST_AS_DECODED)
                .run(0, maxFrames == null ? Long.MAX_VALUE : maxFrames);
        double seconds = (System.nanoTime() - started) / 1e9;
        LotSnapshot last = tracker.latest();
        System.out.printf("analysed %d frames (%d samples) in %.1f s, %.0f frames/s: %d of %d spots free at the end: %s%s%s%n",
                played, samples[0], seconds, played / Math.max(seconds, 1e-9), last.free(), last.total(),
                last.freeSpotIds().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                truth == null ? "" : "; " + truth.summary(),
                tracker.cameraMove().map(m -> "; " + m.describe(String.format(Locale.ROOT, "%.1f s (frame %d)",
                        m.time(), m.frame()))).orElse(""));
        System.out.println(changes.summary());
        OptionalLong declared = frames.declaredFrames();
        if ((maxFrames == null || played < maxFrames) && declared.isPresent() && played < declared.getAsLong()) {
            // Exit 0 all the same: what the video holds was analysed; the note says it was not all there.
            System.out.printf("the video ended at frame %d: it is shorter than its header says (%d frames)%n",
                    played, declared.getAsLong());
        }
        return 0;
    }
}
