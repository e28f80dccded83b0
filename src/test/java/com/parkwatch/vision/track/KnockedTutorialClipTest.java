package com.parkwatch.vision.track;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.SharedData;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.StateChanges;
import com.parkwatch.vision.FrameSources;
import com.parkwatch.vision.align.CameraFollower;
import com.parkwatch.vision.align.CameraMove;
import com.parkwatch.vision.align.KnockedClip;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.layout.MaskLayouts;
import com.parkwatch.vision.video.FrameSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tutorial's 720p clip with its camera knocked at frame 400, copied by the project's own video sink into a
 * temporary folder: without the follower, 8 steady spots flipped and 1,400 of 2,700 spot-samples were wrong
 * (issue #25).
 */
class KnockedTutorialClipTest {

    private static final String CLIP = "tutorial-full/carPark_1280x720.mp4";
    private static final String MASK = "tutorial-full/mask_1920_1080.png";

    @TempDir
    Path dir;

    private record Run(List<LotSnapshot> samples, CameraMove move, boolean lost, List<String> log) {
    }

    private Run analyseKnocked(double dx, double dy, double degrees, int frames) throws Exception {
        Path knocked;
        try (FrameSource source = FrameSources.open(SharedData.require(CLIP).toString(), 1, s -> { })) {
            knocked = KnockedClip.write(source, dir.resolve("knocked.mp4"), source.width(), source.height(),
                    source.frameRate(), 1, frames, 400, dx, dy, degrees);
        }
        Logger logger = (Logger) LoggerFactory.getLogger(CameraFollower.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        List<LotSnapshot> samples = new ArrayList<>();
        try (FrameSource source = FrameSources.open(knocked.toString(), 1, s -> { })) {
            Layout layout = MaskLayouts.read(SharedData.require(MASK)).fittedTo(source.width(), source.height());
            try (OccupancyTracker tracker = new OccupancyTracker(layout, SvmClassifier.loadDefault(),
                    TrackerSettings.withStep(30))) {
                Mat frame;
                for (long f = 0; (frame = source.next()) != null; f++) {
                    tracker.accept(frame, f, f / source.frameRate()).ifPresent(samples::add);
                }
                return new Run(samples, tracker.cameraMove().orElse(null), tracker.cameraLost(),
                        log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            }
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void theLayoutFollowsAShiftOf12RightAnd8DownAndNoSteadySpotFlips() throws Exception {
        Run run = analyseKnocked(12, 8, 0, 849);
        assertTrue(run.move().followed());
        assertTrue(run.move().frame() <= 450, "followed within two samples of frame 400, at " + run.move().frame());
        assertEquals(12, run.move().shift().dx(), 2.5);
        assertEquals(8, run.move().shift().dy(), 2.5);
        assertFalse(run.lost());
        assertEquals(1, run.log().size(), "said once: " + run.log());
        assertTrue(run.log().get(0).matches("the camera moved 1\\d px right, \\d px down at 0:14.0 \\(frame 420\\); the layout followed"),
                run.log().get(0));
        assertNoSteadySpotFlipsOrGoesWrong(run);
    }

    @Test
    void theLayoutFollowsATurnOfOneAndAHalfDegreesAndAtMostFourSteadySpotsFlip() throws Exception {
        Run run = analyseKnocked(0, 0, 1.5, 849);
        assertTrue(run.move().followed());
        assertTrue(run.move().frame() <= 450, "followed within two samples of frame 400, at " + run.move().frame());
        assertEquals(1.5, run.move().shift().degrees(), 0.3);
        assertFalse(run.lost());
        assertTrue(run.log().get(0).matches("the camera (moved .*, )?turned 1\\.\\d degrees clockwise at 0:1\\d.0 \\(frame 4[25]0\\); the layout followed"),
                run.log().get(0));
        // Measured: 4 of the 390 steady spots flip once each (3, 45, 58, 129; docs/engine.md); no more.
        Map<Integer, Integer> flips = new TreeMap<>(changesBySpot(run));
        flips.keySet().retainAll(steadySpots().keySet());
        assertTrue(flips.size() <= 4, "flips of steady spots: " + flips);
    }

    /** The spots labelled steady through the clip, with their state. */
    private Map<Integer, Occupancy> steadySpots() throws Exception {
        Map<Integer, Occupancy> truth = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/tutorial-full-720p-stable-spots.json")) {
            JsonNode stable = new ObjectMapper().readTree(in).get("stable");
            stable.fields().forEachRemaining(e -> truth.put(Integer.parseInt(e.getKey()),
                    Occupancy.valueOf(e.getValue().asText().toUpperCase())));
        }
        return truth;
    }

    private static Map<Integer, Integer> changesBySpot(Run run) {
        StateChanges changes = new StateChanges();
        run.samples().forEach(changes::record);
        return changes.bySpot();
    }

    /** No steady spot flips, and one shown right just before the knock is shown right at every sample after it. */
    private void assertNoSteadySpotFlipsOrGoesWrong(Run run) throws Exception {
        Map<Integer, Occupancy> truth = steadySpots();
        Map<Integer, Integer> flips = new TreeMap<>(changesBySpot(run));
        flips.keySet().retainAll(truth.keySet());
        assertEquals(Map.of(), flips, "flips of steady spots");
        LotSnapshot before = run.samples().get(13);
        Map<Integer, Long> wrongAfter = new TreeMap<>();
        for (LotSnapshot s : run.samples().subList(14, run.samples().size())) {
            for (Map.Entry<Integer, Occupancy> e : truth.entrySet()) {
                boolean rightBefore = before.spots().get(e.getKey() - 1).occupancy() == e.getValue();
                if (rightBefore && s.spots().get(e.getKey() - 1).occupancy() != e.getValue()) {
                    wrongAfter.merge(e.getKey(), 1L, Long::sum);
                }
            }
        }
        assertEquals(Map.of(), wrongAfter, "steady spots right before the knock and wrong after it, by spot");
    }

    @Test
    void eightyPixelsAreTooFarToFollow() throws Exception {
        Run run = analyseKnocked(80, 0, 0, 480);
        assertTrue(run.lost());
        assertTrue(run.move().frame() <= 450, "lost within two samples of frame 400, at " + run.move().frame());
        assertTrue(run.log().get(0).startsWith("the camera moved too far to follow ("), run.log().get(0));
    }

    @Test
    void aTwentyDegreeTurnLosesTheCameraWithinTwoSamples() throws Exception {
        Run run = analyseKnocked(0, 0, 20, 480);
        assertTrue(run.lost());
        assertTrue(run.move().frame() <= 450, "lost within two samples of frame 400, at " + run.move().frame());
        assertTrue(run.log().get(0).startsWith("the camera moved too far to follow at "), run.log().get(0));
    }
}
