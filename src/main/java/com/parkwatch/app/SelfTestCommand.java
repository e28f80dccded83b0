package com.parkwatch.app;

import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.FrameSources;
import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.classify.SpotClassifier;
import com.parkwatch.vision.video.VideoSink;
import org.bytedeco.ffmpeg.global.avcodec;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Checks, with no display, that an installation works: native libraries, video through FFmpeg, the default model
 * and the booking database. One line per check; exit 1 if any fails.
 */
@Command(name = "self-test", mixinStandardHelpOptions = true,
        description = {"Check this installation without a display: OpenCV and FFmpeg load, frames of the simulated lot",
                "go through FFmpeg and back, the model classifies them, the booking database opens. One line per check."})
final class SelfTestCommand implements Callable<Integer> {

    /** Frames of the simulated lot encoded and decoded: enough for the encoder to emit key and predicted frames. */
    private static final int FRAMES = 45;
    /** Spots the model must get right in the decoded frame; compression costs a little. */
    private static final double MIN_AGREEMENT = 0.9;

    @Mixin
    ModelOption model;

    @Mixin
    StoreOptions store;

    private interface Check {
        String run() throws Exception;
    }

    private List<Occupancy> truthAtEnd;
    private Path decodedVideo;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("parkwatch-self-test");
        decodedVideo = work.resolve("simulated-lot.mp4");
        int failures = 0;
        try {
            failures += check("opencv", () -> {
                OpenCv.load();
                return "OpenCV " + Core.VERSION + " loaded";
            });
            failures += check("ffmpeg", () -> {
                int v = avcodec.avcodec_version();
                return "FFmpeg libavcodec " + (v >> 16) + "." + ((v >> 8) & 0xff) + " loaded";
            });
            failures += check("video", this::encodeAndDecode);
            failures += check("model", this::classifyDecoded);
            failures += check("database", this::openDatabase);
        } finally {
            Files.deleteIfExists(decodedVideo);
            Files.deleteIfExists(work);
        }
        System.out.println(failures == 0 ? "self-test passed" : "self-test failed: " + failures + " check(s)");
        return failures == 0 ? 0 : 1;
    }

    private static int check(String name, Check check) {
        try {
            System.out.printf("ok    %-9s %s%n", name, check.run());
            return 0;
        } catch (Exception | LinkageError e) {
            System.out.printf("FAIL  %-9s %s%n", name, e.getMessage() == null ? e.toString() : e.getMessage());
            return 1;
        }
    }

    /** Renders the simulated lot into an MP4 through FFmpeg's encoder, keeping the true states of the last frame. */
    private String encodeAndDecode() throws Exception {
        try (SimulatedLot lot = new SimulatedLot(SimulatedLot.DEFAULT_SEED);
             VideoSink sink = new VideoSink(decodedVideo, lot.width(), lot.height(), lot.frameRate())) {
            for (int f = 0; f < FRAMES; f++) {
                lot.next().copyTo(sink.canvas());
                sink.write();
            }
            truthAtEnd = new ArrayList<>();
            for (int i = 0; i < lot.ownLayout().orElseThrow().size(); i++) {
                truthAtEnd.add(lot.truth(i));
            }
        }
        int decoded = 0;
        try (FrameSource video = FrameSources.open(decodedVideo.toString(), 1, status -> { })) {
            while (video.next() != null) {
                decoded++;
            }
        }
        if (decoded != FRAMES) {
            throw new IllegalStateException("encoded " + FRAMES + " frames of the simulated lot but decoded " + decoded);
        }
        return "encoded and decoded " + decoded + " frames of the simulated lot through FFmpeg";
    }

    private String classifyDecoded() throws Exception {
        if (truthAtEnd == null) {
            throw new IllegalStateException("no decoded video to classify");
        }
        SpotClassifier classifier = model.load();
        Layout layout;
        try (SimulatedLot lot = new SimulatedLot(SimulatedLot.DEFAULT_SEED)) {
            layout = lot.ownLayout().orElseThrow();
        }
        Mat last = new Mat();
        try (FrameSource video = FrameSources.open(decodedVideo.toString(), 1, status -> { })) {
            for (Mat frame = video.next(); frame != null; frame = video.next()) {
                frame.copyTo(last);
            }
        }
        int right = 0;
        for (int i = 0; i < layout.size(); i++) {
            Box b = layout.spots().get(i).box();
            Mat crop = last.submat(new Rect(b.x(), b.y(), b.width(), b.height()));
            if (classifier.classify(crop).occupancy() == truthAtEnd.get(i)) {
                right++;
            }
            crop.release();
        }
        last.release();
        String result = "the model is right on " + right + " of " + layout.size() + " spots of the decoded frame";
        if (right < MIN_AGREEMENT * layout.size()) {
            throw new IllegalStateException(result + ", below " + Math.round(100 * MIN_AGREEMENT) + "%");
        }
        return result;
    }

    private String openDatabase() throws Exception {
        try (JdbcBookingStore bookings = store.open()) {
            return "bookings database " + store.where() + " opens, " + bookings.active(Instant.now()).size()
                    + " active booking(s)";
        }
    }
}
