package com.parkwatch.vision.track;

import com.parkwatch.vision.image.OpenCv;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GreyReductionTest {

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    /** Two rows of spots with a driveway between them. */
    private final Layout lot = new Layout(200, 100, List.of(Spot.ofBox(1, new Box(10, 10, 30, 10)),
            Spot.ofBox(2, new Box(100, 61, 30, 9))));

    private static Mat randomFrame() {
        Mat frame = new Mat(100, 200, CvType.CV_8UC3);
        Core.randu(frame, 0, 256);
        return frame;
    }

    /** The whole frame in grey, halved twice. */
    private static Mat reducedWhole(Mat frame) {
        Mat grey = new Mat();
        Imgproc.cvtColor(frame, grey, Imgproc.COLOR_BGR2GRAY);
        for (int h = 1; h <= 2; h++) {
            Imgproc.resize(grey, grey, new Size(frame.cols() >> h, frame.rows() >> h), 0, 0, Imgproc.INTER_AREA);
        }
        return grey;
    }

    private static int differences(Mat a, Mat b) {
        Mat diff = new Mat();
        Core.absdiff(a, b, diff);
        return Core.countNonZero(diff);
    }

    @Test
    void reducesTheRowsOfSpotsAlignedToTheHalvingsAndLeavesTheDrivewaysBlack() {
        GreyReduction reduction = new GreyReduction(lot, 2);
        Mat frame = randomFrame();
        Mat expected = reducedWhole(frame);
        Mat got = reduction.of(frame);
        assertEquals(new Size(50, 25), got.size());
        // Frame rows 8-20 and 60-72 (to multiples of 4): reduced rows 2-5 and 15-18.
        assertEquals(0, differences(got.rowRange(2, 5), expected.rowRange(2, 5)), "the first row of spots");
        assertEquals(0, differences(got.rowRange(15, 18), expected.rowRange(15, 18)), "the second");
        assertEquals(0, Core.countNonZero(got.rowRange(5, 15)), "the driveway is not made");
        assertEquals(0, Core.countNonZero(got.rowRange(18, 25)));
        reduction.release();
    }

    @Test
    void reducesEachNewFrameAndAnotherBufferToo() {
        GreyReduction reduction = new GreyReduction(lot, 2);
        for (int i = 0; i < 3; i++) {
            Mat frame = randomFrame();
            for (int again = 0; again < 2; again++) {
                Core.randu(frame, 0, 256);
                assertEquals(0, differences(reduction.of(frame).rowRange(2, 5), reducedWhole(frame).rowRange(2, 5)));
            }
            frame.release();
        }
        reduction.release();
    }

    @Test
    void aLotWhoseSpotsSpanNearlyEveryRowIsReducedWhole() {
        Layout full = new Layout(200, 100, List.of(Spot.ofBox(1, new Box(10, 2, 30, 95))));
        GreyReduction reduction = new GreyReduction(full, 2);
        Mat frame = randomFrame();
        assertEquals(0, differences(reduction.of(frame), reducedWhole(frame)));
        reduction.release();
    }

    @Test
    void aSpotInTheLastRowsOfAnOddSizedFrameIsNotLost() {
        // Rows 100-102 halve to nothing on their own: the frame is reduced whole instead.
        Layout odd = new Layout(200, 102, List.of(Spot.ofBox(1, new Box(10, 100, 30, 2)),
                Spot.ofBox(2, new Box(10, 10, 30, 10))));
        GreyReduction reduction = new GreyReduction(odd, 2);
        Mat frame = new Mat(102, 200, CvType.CV_8UC3);
        Core.randu(frame, 0, 256);
        assertEquals(0, differences(reduction.of(frame), reducedWhole(frame)));
        reduction.release();
    }
}
