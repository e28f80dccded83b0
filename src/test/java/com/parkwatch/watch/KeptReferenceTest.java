package com.parkwatch.watch;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.vision.align.CameraMove;
import com.parkwatch.vision.align.Knock;
import com.parkwatch.vision.align.ReferenceStill;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.RtspTransport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The picture the layout was drawn on, kept beside it: a camera knocked while ParkWatch was stopped is followed at
 * the first sample of the next run, on the simulated lot sampled every 30 frames.
 */
class KeptReferenceTest {

    private static final int STEP = 30;
    private static final int FRAMES = 150;

    private static SvmClassifier model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = SvmClassifier.loadDefault();
    }

    private record Run(CameraMove move, List<SourceHealth> health) {
    }

    /** A run of the lot whose camera is shifted by (dx, dy) from its first frame on. */
    private Run run(ReferenceStill still, double dx, double dy) {
        CameraHealth camera = new CameraHealth(Clock.systemUTC());
        List<SourceHealth> health = new ArrayList<>();
        try (SimulatedLot lot = new SimulatedLot(42);
             Knock knock = new Knock(SimulatedLot.WIDTH, SimulatedLot.HEIGHT, dx, dy, 0);
             OccupancyTracker tracker = new OccupancyTracker(lot.ownLayout().orElseThrow(), model,
                     TrackerSettings.withStep(STEP), still)) {
            for (int f = 0; f < FRAMES; f++) {
                Mat frame = lot.next();
                if (tracker.accept(dx == 0 && dy == 0 ? frame : knock.apply(frame), f, f / SimulatedLot.FRAME_RATE)
                        .isPresent()) {
                    health.add(camera.of(tracker));
                }
            }
            return new Run(tracker.cameraMove().orElse(null), health);
        }
    }

    private Path referenceFile() {
        return ReferenceStill.forLayout(dir, dir.resolve("lot.json"));
    }

    @Test
    void aCameraKnockedWhileStoppedIsFollowedAtTheFirstSample() {
        Path file = referenceFile();
        assertEquals("lot.json.reference.png", file.getFileName().toString());

        Run first = run(new ReferenceStill(file, false), 0, 0);
        assertTrue(Files.exists(file), "the first run keeps its first sample as the reference");
        assertEquals(null, first.move());
        assertFalse(Files.exists(file.resolveSibling(file.getFileName() + ".tmp")), "no temporary file left");

        Run knocked = run(new ReferenceStill(file, false), 12, 8);
        assertNotNull(knocked.move(), "the move while stopped is seen");
        assertTrue(knocked.move().followed());
        assertEquals(0, knocked.move().frame(), "followed at the first sample");
        assertEquals(12, knocked.move().shift().dx(), 1.5);
        assertEquals(8, knocked.move().shift().dy(), 1.5);
        SourceHealth atFirst = knocked.health().get(0);
        assertEquals(SourceHealth.State.LIVE, atFirst.state());
        assertTrue(atFirst.reason().startsWith("the camera moved ") && atFirst.reason().endsWith("; the layout followed"),
                atFirst.reason());

        Run withoutReference = run(null, 12, 8);
        assertEquals(null, withoutReference.move(), "without a kept reference, the first sample is the reference");
    }

    @Test
    void aCorruptReferenceIsReplacedByTheFirstSample() throws Exception {
        Path file = referenceFile();
        Files.write(file, new byte[] {1, 2, 3, 4});
        Run run = run(new ReferenceStill(file, false), 12, 8);
        assertEquals(null, run.move(), "nothing to compare the first sample with");
        Mat kept = Imgcodecs.imdecode(new MatOfByte(Files.readAllBytes(file)), Imgcodecs.IMREAD_GRAYSCALE);
        assertFalse(kept.empty(), "replaced by a picture");
        assertEquals(320, Math.max(kept.width(), kept.height()));

        // That picture is the shifted camera's: the camera put back is a move the other way.
        Run putBack = run(new ReferenceStill(file, false), 0, 0);
        assertTrue(putBack.move().followed());
        assertEquals(-12, putBack.move().shift().dx(), 1.5);
    }

    @Test
    void aWatchOnALayoutFileKeepsItsReferenceBesideItAndAgainWhenTheEditorSaves() throws Exception {
        Path file = referenceFile();
        WatchOptions.Layouts layouts = new WatchOptions.Layouts() {
            @Override
            public Layout fittedTo(FrameSource source) {
                return source.ownLayout().orElseThrow();
            }

            @Override
            public Layout beforeSource() {
                throw new IllegalStateException("the simulated lot is always there");
            }

            @Override
            public Path referenceStill() {
                return file;
            }
        };
        try (JdbcBookingStore store = JdbcBookingStore.open("jdbc:sqlite:" + dir.resolve("b.db"));
             LotWatch watch = LotWatch.open(new WatchOptions("sim:5", 1, RtspTransport.AUTO, layouts, model,
                     TrackerSettings.withStep(5), store, BookingRules.DEFAULT,
                     new CorrectionFolder(dir.resolve("corrections")), Clock.systemUTC()))) {
            watch.start();
            waitFor(() -> Files.exists(file));
            // A picture the follower can use (so it would stay) but that the new layout was not drawn on.
            Mat written = Imgcodecs.imdecode(new MatOfByte(Files.readAllBytes(file)), Imgcodecs.IMREAD_GRAYSCALE);
            MatOfByte flat = new MatOfByte();
            Imgcodecs.imencode(".png", new Mat(written.size(), written.type(), new Scalar(128)), flat);
            byte[] old = flat.toArray();
            Files.write(file, old);
            watch.switchLayout(watch.layout().withSpots(watch.layout().spots().subList(0, 10)));
            waitFor(() -> watch.lot().view().spots().size() == 10);
            waitFor(() -> !Arrays.equals(old, Files.readAllBytes(file)));
            assertFalse(Imgcodecs.imdecode(new MatOfByte(Files.readAllBytes(file)), Imgcodecs.IMREAD_GRAYSCALE).empty(),
                    "the picture the new layout was drawn on");
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check condition) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s");
            Thread.sleep(50);
        }
    }

    @Test
    void aLayoutDrawnAgainReplacesTheReference() {
        Path file = referenceFile();
        run(new ReferenceStill(file, false), 0, 0);
        Run redrawn = run(new ReferenceStill(file, true), 12, 8);
        assertEquals(null, redrawn.move(), "a layout drawn on today's picture fits it");
        Run next = run(new ReferenceStill(file, false), 12, 8);
        assertEquals(null, next.move(), "and today's picture is the reference from then on");
    }
}
