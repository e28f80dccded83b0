package com.parkwatch.vision;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpotRowsInGreyTest {

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

    private static int differences(Mat a, Mat b) {
        Mat diff = new Mat();
        Core.absdiff(a, b, diff);
        return Core.countNonZero(diff);
    }

    @Test
    void convertsTheRowsOfSpotsAlignedToTheHalvingsAndLeavesTheDrivewaysBlack() {
        SpotRowsInGrey grey = new SpotRowsInGrey(lot, 4);
        Mat frame = randomFrame();
        Mat expected = new Mat();
        Imgproc.cvtColor(frame, expected, Imgproc.COLOR_BGR2GRAY);
        Mat got = grey.of(frame);
        assertEquals(0, differences(got.rowRange(8, 20), expected.rowRange(8, 20)), "the first row of spots");
        assertEquals(0, differences(got.rowRange(60, 72), expected.rowRange(60, 72)), "the second, to a multiple of 4");
        assertEquals(0, Core.countNonZero(got.rowRange(20, 60)), "the driveway is not converted");
        assertEquals(0, Core.countNonZero(got.rowRange(72, 100)));
        grey.release();
    }

    @Test
    void convertsEachNewFrameAndAnotherBufferToo() {
        SpotRowsInGrey grey = new SpotRowsInGrey(lot, 4);
        Mat expected = new Mat();
        for (int i = 0; i < 3; i++) {
            Mat frame = randomFrame();
            for (int again = 0; again < 2; again++) {
                Core.randu(frame, 0, 256);
                Imgproc.cvtColor(frame, expected, Imgproc.COLOR_BGR2GRAY);
                assertEquals(0, differences(grey.of(frame).rowRange(8, 20), expected.rowRange(8, 20)));
            }
            frame.release();
        }
        grey.release();
    }

    @Test
    void aLotWhoseSpotsSpanNearlyEveryRowIsConvertedWhole() {
        Layout full = new Layout(200, 100, List.of(Spot.ofBox(1, new Box(10, 2, 30, 95))));
        SpotRowsInGrey grey = new SpotRowsInGrey(full, 4);
        Mat frame = randomFrame();
        Mat expected = new Mat();
        Imgproc.cvtColor(frame, expected, Imgproc.COLOR_BGR2GRAY);
        assertEquals(0, differences(grey.of(frame), expected));
        grey.release();
    }
}
