package com.parkwatch.vision.layout;

import com.parkwatch.vision.image.OpenCv;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutException;
import com.parkwatch.lot.Spot;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spot layouts from a mask image: white shapes on black, one spot per 4-connected component, numbered from 1 in
 * OpenCV's label order, at the mask's own size.
 */
public final class MaskLayouts {

    static {
        OpenCv.load();
    }

    /** Components smaller than this many pixels are anti-aliasing specks, not spots. */
    public static final int MIN_SPOT_AREA = 25;

    private MaskLayouts() {
    }

    public static Layout read(Path mask) {
        if (!Files.isReadable(mask)) {
            throw new LayoutException("cannot read the mask " + mask + ": no such readable file");
        }
        MaskHeader.check(mask);
        Mat image = Imgcodecs.imread(mask.toString(), Imgcodecs.IMREAD_UNCHANGED);
        if (image.empty()) {
            throw new LayoutException("cannot read the mask " + mask + ": it is not an image");
        }
        Mat binary = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            Mat gray = toGray(image);
            Imgproc.threshold(gray, binary, 127, 255, Imgproc.THRESH_BINARY);
            gray.release();
            int white = Core.countNonZero(binary);
            if (white == 0) {
                throw new LayoutException("the mask " + mask + " has no spots: it must show spots as white shapes on black");
            }
            if (white == binary.total()) {
                throw new LayoutException("the mask " + mask + " is all white: it must show spots as white shapes on black");
            }
            int count = Imgproc.connectedComponentsWithStats(binary, labels, stats, centroids, 4, CvType.CV_32S);
            List<Spot> spots = new ArrayList<>();
            int[] row = new int[5];
            for (int label = 1; label < count; label++) {
                stats.get(label, 0, row);
                if (row[Imgproc.CC_STAT_AREA] >= MIN_SPOT_AREA) {
                    spots.add(Spot.ofBox(spots.size() + 1, new Box(row[Imgproc.CC_STAT_LEFT], row[Imgproc.CC_STAT_TOP],
                            row[Imgproc.CC_STAT_WIDTH], row[Imgproc.CC_STAT_HEIGHT])));
                }
            }
            if (spots.isEmpty()) {
                throw new LayoutException("the mask " + mask + " has no spots larger than " + MIN_SPOT_AREA + " pixels");
            }
            return new Layout(image.cols(), image.rows(), spots);
        } finally {
            image.release();
            binary.release();
            labels.release();
            stats.release();
            centroids.release();
        }
    }

    /**
     * 8-bit grayscale whatever the mask's format. With an alpha channel the darker of colour and alpha counts, so
     * that shapes drawn either in colour or in transparency are found.
     */
    private static Mat toGray(Mat image) {
        Mat eight = image;
        if (image.depth() != CvType.CV_8U) {
            eight = new Mat();
            image.convertTo(eight, CvType.CV_8U, image.depth() == CvType.CV_16U ? 1.0 / 257 : 255.0);
        }
        Mat gray = new Mat();
        switch (eight.channels()) {
            case 1 -> eight.copyTo(gray);
            case 3 -> Imgproc.cvtColor(eight, gray, Imgproc.COLOR_BGR2GRAY);
            case 4 -> {
                Imgproc.cvtColor(eight, gray, Imgproc.COLOR_BGRA2GRAY);
                Mat alpha = new Mat();
                Core.extractChannel(eight, alpha, 3);
                Core.min(gray, alpha, gray);
                alpha.release();
            }
            default -> throw new LayoutException("the mask has " + eight.channels() + " channels; expected 1, 3 or 4");
        }
        if (eight != image) {
            eight.release();
        }
        return gray;
    }
}
