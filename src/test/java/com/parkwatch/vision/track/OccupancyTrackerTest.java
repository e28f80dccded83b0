package com.parkwatch.vision.track;

import com.parkwatch.vision.classify.SpotClassifier;
import com.parkwatch.vision.classify.Verdict;
import com.parkwatch.vision.image.OpenCv;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When the tracker asks the classifier again, and when an unchanged picture keeps its last answer. */
class OccupancyTrackerTest {

    static {
        OpenCv.load();
    }

    private static final int STEP = 30;

    /** Answers "occupied" without being sure, and counts the spots it was asked about, by their left edge. */
    private static final class UnsureClassifier implements SpotClassifier {
        final List<Integer> asked = new ArrayList<>();

        @Override
        public Verdict classify(Mat crop) {
            asked.add(crop.cols());
            return new Verdict(Occupancy.OCCUPIED, 0.7);
        }
    }

    private final Layout layout = new Layout(200, 100, List.of(
            Spot.ofBox(1, new Box(10, 10, 40, 80)), Spot.ofBox(2, new Box(60, 10, 50, 80)),
            Spot.ofBox(3, new Box(120, 10, 60, 80))));

    @Test
    void anUnchangedSpotIsNotClassifiedAgainEvenWhenItsVerdictWasUnsure() {
        UnsureClassifier classifier = new UnsureClassifier();
        Mat frame = new Mat(100, 200, CvType.CV_8UC3, new Scalar(90, 90, 90));
        try (OccupancyTracker tracker = new OccupancyTracker(layout, classifier, TrackerSettings.withStep(STEP))) {
            tracker.accept(frame, 0, 0);
            assertEquals(3, classifier.asked.size(), "the first sample classifies every spot");
            classifier.asked.clear();
            LotSnapshot later = null;
            for (int s = 1; s <= 5; s++) {
                later = tracker.accept(frame, (long) s * STEP, s).orElseThrow();
            }
            assertEquals(List.of(), classifier.asked, "the same picture gets the same answer without asking");
            assertEquals(0.7, later.spots().get(1).confidence(), 1e-9);
            assertEquals(Occupancy.OCCUPIED, later.spots().get(1).occupancy());

            // A car-sized change in the middle spot: only that spot is classified again.
            Imgproc.rectangle(frame, new Point(65, 20), new Point(104, 80), new Scalar(30, 30, 200), -1);
            tracker.accept(frame, 6L * STEP, 6);
            assertEquals(List.of(50), classifier.asked);
        } finally {
            frame.release();
        }
    }

    /** Sure of "free" every time; counts how often it is asked. */
    private static final class CountingClassifier implements SpotClassifier {
        int asked;

        @Override
        public Verdict classify(Mat crop) {
            asked++;
            return new Verdict(Occupancy.FREE, 0.99);
        }
    }

    /**
     * The whole picture slides by a pixel and brightens at every sample, as under a swaying camera and passing
     * clouds: the steady spots are not classified again, and a car that arrives meanwhile still is.
     */
    @Test
    void aSwayingCameraAndChangingLightLeaveSteadySpotsAloneButNotANewCar() {
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            spots.add(Spot.ofBox(i + 1, new Box(20 + i * 40, 20, 36, 80)));
        }
        Layout row = new Layout(520, 120, spots);
        Mat lot = new Mat(120, 520, CvType.CV_8UC3);
        Core.randu(lot, 40, 200);
        Imgproc.GaussianBlur(lot, lot, new Size(5, 5), 0);
        Mat frame = new Mat();
        CountingClassifier classifier = new CountingClassifier();
        try (OccupancyTracker tracker = new OccupancyTracker(row, classifier, TrackerSettings.withStep(STEP))) {
            for (int s = 0; s <= 8; s++) {
                if (s == 8) {
                    Imgproc.rectangle(lot, new Point(185, 30), new Point(210, 90), new Scalar(20, 20, 220), -1);
                }
                swayed(lot, frame, s % 2, 6 * s);
                int before = classifier.asked;
                tracker.accept(frame, (long) s * STEP, s);
                if (s > 0 && s < 8) {
                    assertEquals(before, classifier.asked, "steady spots at sample " + s);
                }
            }
            assertEquals(12 + 1, classifier.asked, "every spot at the start, then only the one the car came to");
        } finally {
            lot.release();
            frame.release();
        }
    }

    /** The picture moved right by some pixels and brightened by some grey levels. */
    private static void swayed(Mat lot, Mat out, int pixels, int brighter) {
        Mat shift = new Mat(2, 3, CvType.CV_64F);
        shift.put(0, 0, 1, 0, pixels, 0, 1, 0);
        Imgproc.warpAffine(lot, out, shift, lot.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        Core.add(out, Scalar.all(brighter), out);
        shift.release();
    }
}
