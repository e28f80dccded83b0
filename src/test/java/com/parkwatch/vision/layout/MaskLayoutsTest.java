package com.parkwatch.vision.layout;

import com.parkwatch.vision.image.OpenCv;

import com.parkwatch.SharedData;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaskLayoutsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    /** Two anti-aliased spots that touch diagonally at one fringe, plus a speck smaller than a spot. */
    private Mat drawMask(int type, Scalar white) {
        Mat mask = new Mat(100, 200, type, Scalar.all(0));
        if (mask.channels() == 4) {
            mask.setTo(new Scalar(0, 0, 0, 255));
        }
        Imgproc.rectangle(mask, new Point(10, 10), new Point(49, 79), white, -1, Imgproc.LINE_AA);
        Imgproc.rectangle(mask, new Point(120, 20), new Point(179, 59), white, -1, Imgproc.LINE_AA);
        Imgproc.circle(mask, new Point(90, 90), 1, white, -1);
        return mask;
    }

    private Path write(Mat image, String name) {
        Path file = dir.resolve(name);
        Imgcodecs.imwrite(file.toString(), image);
        return file;
    }

    @Test
    void findsOneSpotPerComponentWhateverTheFormat() {
        for (Path mask : new Path[]{
                write(drawMask(CvType.CV_8UC1, Scalar.all(255)), "gray.png"),
                write(drawMask(CvType.CV_8UC3, Scalar.all(255)), "rgb.png"),
                write(drawMask(CvType.CV_8UC4, new Scalar(255, 255, 255, 255)), "rgba.png")}) {
            Layout layout = MaskLayouts.read(mask);
            assertEquals(2, layout.size(), mask.toString());
            assertEquals(new Box(10, 10, 40, 70), layout.spots().get(0).box());
            assertEquals(new Box(120, 20, 60, 40), layout.spots().get(1).box());
            assertEquals(200, layout.width());
        }
    }

    @Test
    void findsShapesDrawnInTransparency() {
        Mat mask = new Mat(100, 200, CvType.CV_8UC4, new Scalar(255, 255, 255, 0));
        Imgproc.rectangle(mask, new Point(10, 10), new Point(49, 79), new Scalar(255, 255, 255, 255), -1);
        Layout layout = MaskLayouts.read(write(mask, "alpha.png"));
        assertEquals(1, layout.size());
        assertEquals(new Box(10, 10, 40, 70), layout.spots().get(0).box());
    }

    @Test
    void refusesMasksWithoutSpots() throws Exception {
        Path black = write(new Mat(50, 50, CvType.CV_8UC1, Scalar.all(0)), "black.png");
        assertTrue(message(black).contains("has no spots"), message(black));
        Path white = write(new Mat(50, 50, CvType.CV_8UC1, Scalar.all(255)), "white.png");
        assertTrue(message(white).contains("all white"), message(white));
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        assertTrue(message(text).contains("not an image"), message(text));
        assertTrue(message(dir.resolve("missing.png")).contains("no such readable file"));
    }

    @Test
    void refusesMasksLargerThanAFrameFromTheirHeaderBeforeDecoding() throws Exception {
        Path claimed = LargePng.claiming(dir.resolve("claimed.png"), 100000, 100000);
        assertEquals("the mask " + claimed + " is 100000x100000 pixels: a mask may be at most 16384 px a side",
                message(claimed));
        Path wide = LargePng.claiming(dir.resolve("wide.png"), 16385, 10);
        assertTrue(message(wide).contains("16385x10 pixels"), message(wide));
    }

    private static String message(Path mask) {
        return assertThrows(LayoutException.class, () -> MaskLayouts.read(mask)).getMessage();
    }

    @Test
    void theTutorialMaskGives396SpotsThatFitThe720pClip() {
        Layout layout = MaskLayouts.read(SharedData.require("tutorial-full/mask_1920_1080.png"));
        assertEquals(396, layout.size());
        Layout fitted = layout.fittedTo(1280, 720);
        assertEquals(396, fitted.size());
        assertTrue(fitted.spots().stream().allMatch(s -> s.box().x() + s.box().width() <= 1280
                && s.box().y() + s.box().height() <= 720));
    }

    @Test
    void theCropMaskGives14Spots() {
        Layout layout = MaskLayouts.read(SharedData.require("tutorial-crop/mask_crop.png"));
        assertEquals(14, layout.size());
        assertEquals(380, layout.fittedTo(380, 452).width());
    }
}
