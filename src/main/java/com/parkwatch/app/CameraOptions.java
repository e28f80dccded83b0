package com.parkwatch.app;

import com.parkwatch.vision.FrameSources;
import com.parkwatch.vision.video.SourceNames;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lot's cameras as the kiosk and {@code serve} take them: {@code --video} and {@code --mask} repeated (on the
 * command line or as lines of an {@code @file}), paired in order.
 */
final class CameraOptions {

    @Option(names = "--video", paramLabel = "V",
            description = {"A camera of the lot: video file, stream URL (rtsp://, http://, ...), camera (/dev/video0 or 0),"
                    + " folder of images, or 'sim' (or sim:SEED) for the simulated lot.",
                    "Repeat it for a lot of several cameras: their spots are numbered across them, camera 1's first."})
    List<String> videos = new ArrayList<>();

    @Option(names = "--mask", paramLabel = "M",
            description = {"A camera's spots: mask image (white spots on black), JSON polygon layout or PKLot XML;"
                    + " not needed for sim.",
                    "Repeated with --video, in the same order: one per --video, or one per --video that is not sim."})
    List<Path> masks = new ArrayList<>();

    @Option(names = "--loop-count", paramLabel = "K", defaultValue = "1",
            description = "Play a file or folder K times (default: ${DEFAULT-VALUE}).")
    int loopCount;

    @Mixin
    RtspTransportOption rtsp;

    /** A camera as given: its source and its mask (null for one that brings its own layout). */
    record Camera(String video, Path mask) {
    }

    /**
     * Each {@code --video} with its {@code --mask}, in order: the n-th mask goes with the n-th video, or, with fewer
     * masks, with the n-th video that is not the simulated lot.
     *
     * @param whenNone the source without {@code --video}, or null when one is needed
     */
    List<Camera> cameras(String whenNone) {
        if (loopCount < 1) {
            throw new IllegalArgumentException("--loop-count must be at least 1, got " + loopCount);
        }
        List<String> given = videos.isEmpty() && whenNone != null ? List.of(whenNone) : videos;
        if (given.isEmpty()) {
            throw new IllegalArgumentException("--video is needed: a camera, a video or sim");
        }
        List<Integer> needing = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            if (!FrameSources.isSimulated(given.get(i))) {
                needing.add(i);
            }
        }
        Path[] paired = new Path[given.size()];
        if (masks.size() == given.size()) {
            masks.toArray(paired);
        } else if (masks.size() == needing.size()) {
            for (int m = 0; m < masks.size(); m++) {
                paired[needing.get(m)] = masks.get(m);
            }
        } else if (masks.isEmpty()) {
            int first = needing.get(0);
            throw new IllegalArgumentException("--mask is needed for " + SourceNames.redacted(given.get(first))
                    + (given.size() > 1 ? " (camera " + (first + 1) + ")" : "")
                    + ": only the simulated lot brings its own layout");
        } else {
            throw new IllegalArgumentException(given.size() + " --video and " + masks.size() + " --mask do not pair:"
                    + " give one --mask per --video, in the same order" + (needing.size() < given.size()
                    ? ", or one per --video that is not sim (" + needing.size() + ")" : ""));
        }
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            cameras.add(new Camera(given.get(i), paired[i]));
        }
        return List.copyOf(cameras);
    }
}
