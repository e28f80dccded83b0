package com.parkwatch.vision.overlay;

import com.parkwatch.vision.image.OpenCv;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PixelRunsTest {

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    /** Covered pixels scattered as runs of every length, from single pixels to whole rows, and a first and last column. */
    private static Mat scatteredMask(int rows, int cols) {
        Mat noise = new Mat(rows, cols, CvType.CV_8UC1);
        Core.setRNGSeed(7);
        Core.randu(noise, 0, 256);
        Mat mask = new Mat();
        Core.compare(noise, Scalar.all(200), mask, Core.CMP_GT);
        mask.row(3).setTo(Scalar.all(255));
        mask.col(0).setTo(Scalar.all(255));
        mask.col(cols - 1).setTo(Scalar.all(255));
        return mask;
    }

    private static int differing(Mat a, Mat b) {
        Mat diff = new Mat();
        Core.absdiff(a, b, diff);
        return Core.countNonZero(diff.reshape(1));
    }

    private static Mat noise(int channels) {
        Mat image = new Mat(48, 64, CvType.CV_8UC(channels));
        Core.randu(image, 0, 256);
        return image;
    }

    private static PixelRuns runsOf(Mat drawing, Mat mask) {
        PixelRuns runs = new PixelRuns();
        runs.take(drawing, mask);
        return runs;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void writeExactlyWhatAMaskedCopyWrites(int channels) {
        Mat drawing = noise(channels);
        Mat mask = scatteredMask(48, 64);
        Mat frame = noise(channels);
        Mat expected = frame.clone();
        drawing.copyTo(expected, mask);

        runsOf(drawing, mask).writeInto(frame);

        assertEquals(0, differing(expected, frame));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void writeIntoAFrameInsideALargerImageAndNothingAroundIt(int channels) {
        Mat drawing = noise(channels);
        Mat mask = scatteredMask(48, 64);
        Mat image = new Mat(60, 90, CvType.CV_8UC(channels), Scalar.all(9));
        Rect inside = new Rect(13, 5, 64, 48);
        Mat expected = image.clone();
        drawing.copyTo(expected.submat(inside), mask);

        runsOf(drawing, mask).writeInto(image.submat(inside));

        assertEquals(0, differing(expected, image));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void followTheFrameWhenItMovesToOtherMemory(boolean sameSize) {
        Mat drawing = new Mat(48, 64, CvType.CV_8UC3, Scalar.all(200));
        Mat mask = scatteredMask(48, 64);
        PixelRuns runs = runsOf(drawing, mask);
        Mat first = new Mat(48, 64, CvType.CV_8UC3, Scalar.all(0));
        runs.writeInto(first);
        Mat second = sameSize ? new Mat(48, 64, CvType.CV_8UC3, Scalar.all(0))
                : new Mat(60, 90, CvType.CV_8UC3, Scalar.all(0)).submat(new Rect(0, 0, 64, 48));
        runs.writeInto(second);
        assertEquals(Core.countNonZero(mask) * 3, Core.countNonZero(second.clone().reshape(1)));
    }
}
