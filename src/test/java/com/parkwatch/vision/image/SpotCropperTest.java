package com.parkwatch.vision.image;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpotCropperTest {

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    /** A rectangle 40 wide and 100 long, turned by 30 degrees about (200, 150). */
    private static List<Vertex> turnedRectangle() {
        double a = Math.toRadians(30);
        double[][] half = {{-20, -50}, {20, -50}, {20, 50}, {-20, 50}};
        return java.util.Arrays.stream(half).map(p -> new Vertex(200 + p[0] * Math.cos(a) - p[1] * Math.sin(a),
                150 + p[0] * Math.sin(a) + p[1] * Math.cos(a))).toList();
    }

    @Test
    void warpsARotatedSpotUprightAndCutsOnlyItsPixels() {
        List<Vertex> outline = turnedRectangle();
        Mat frame = new Mat(300, 400, CvType.CV_8UC3, new Scalar(20, 20, 20));
        MatOfPoint polygon = new MatOfPoint(outline.stream().map(v -> new Point(v.x(), v.y())).toArray(Point[]::new));
        Imgproc.fillConvexPoly(frame, polygon, new Scalar(0, 0, 250));
        Layout layout = new Layout(400, 300, List.of(new Spot(1, outline), Spot.ofBox(2, new Box(10, 10, 30, 20))));
        SpotCropper cropper = new SpotCropper(layout, frame);

        Mat crop = cropper.crop(0);
        assertEquals(40, crop.cols(), 1);
        assertEquals(100, crop.rows(), 1);
        Mat inner = crop.submat(3, crop.rows() - 3, 3, crop.cols() - 3);
        assertTrue(Core.mean(inner).val[2] > 240, "the crop holds the spot's red, not the dark frame: " + Core.mean(inner));

        Mat box = cropper.crop(1);
        assertEquals(30, box.cols());
        assertEquals(20, box.rows());
        assertEquals(20, Core.mean(box).val[0], 0.01);
        cropper.release();
    }
}
