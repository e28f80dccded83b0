package com.parkwatch.vision.layout;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.SourceException;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Proposes bays where cars stood still through a stretch of video: in the picture of what stood still
 * ({@link StillBackground}), the blobs that are not mid grey and dull like asphalt and concrete (cars are white,
 * black or coloured) are cars; the larger blobs give a car's size, blobs of about that size are bays, and a blob as
 * long as several cars side by side is cut into that many. Empty bays, bays whose cars came and went, and grey cars
 * are not proposed: the operator adds them. A first cut: docs/layout.md has how few bays it finds.
 */
public final class BaySuggester {

    static {
        OpenCv.load();
    }

    /** Frames spread over the video that the still picture is made of. */
    public static final int SAMPLES = 31;
    /** The ground's range: brightness from DARKEST to BRIGHTEST (0-255), saturation up to MOST_SATURATED. */
    private static final double DARKEST = 70;
    private static final double BRIGHTEST = 200;
    private static final double MOST_SATURATED = 50;
    /** Blobs this much smaller or larger than the typical car are not one car. */
    private static final double SMALLEST = 0.4;
    private static final double LARGEST = 1.8;
    /** The most cars side by side that one blob is taken for. */
    private static final int MOST_IN_A_ROW = 12;
    /** A car fills at least this share of its box. */
    private static final double FILLED = 0.45;

    private BaySuggester() {
    }

    /** The bays of a video, numbered in reading order, at its frames' size. */
    public static Layout suggest(FrameSource source, long maxFrames) throws SourceException {
        return suggest(StillBackground.of(source, SAMPLES, maxFrames));
    }

    /**
     * The bays of a few stills of the lot (JPEG, the engine's sampled frames, oldest first), at their size: with one
     * still, whatever stands in it counts as standing still.
     */
    public static Layout suggest(List<byte[]> jpegs) {
        return suggest(StillBackground.ofJpegs(jpegs));
    }

    private static Layout suggest(StillBackground still) {
        try {
            List<Box> bays = bays(cars(still));
            bays.sort(Comparator.comparingInt((Box b) -> (b.y() + b.height() / 2) / Math.max(1, b.height()))
                    .thenComparingInt(Box::x));
            List<Spot> spots = new ArrayList<>();
            for (Box bay : bays) {
                spots.add(Spot.ofBox(spots.size() + 1, bay));
            }
            return new Layout(still.median().cols(), still.median().rows(), spots);
        } finally {
            still.release();
        }
    }

    /** 255 where a car stood still. */
    private static Mat cars(StillBackground still) {
        Mat median = still.median();
        int line = odd(Math.max(3, median.cols() / 250));
        // Asphalt and concrete are mid grey and dull; a car is white, black or coloured.
        Mat hsv = new Mat();
        Imgproc.cvtColor(median, hsv, Imgproc.COLOR_BGR2HSV);
        Mat dull = new Mat();
        Core.inRange(hsv, new Scalar(0, 0, DARKEST), new Scalar(180, MOST_SATURATED, BRIGHTEST), dull);
        Mat cars = new Mat();
        Core.bitwise_not(dull, cars);
        Core.bitwise_and(cars, still.still(), cars);
        // Painted lines (thinner than a car) and specks out, then a car's parts joined.
        Imgproc.morphologyEx(cars, cars, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(line, line)));
        Imgproc.morphologyEx(cars, cars, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * line + 1, 2 * line + 1)));
        hsv.release();
        dull.release();
        return cars;
    }

    private static int odd(int size) {
        return size | 1;
    }

    /** The bays in a picture of cars: blobs of a car's size, and rows of cars cut into cars. */
    private static List<Box> bays(Mat cars) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int count = Imgproc.connectedComponentsWithStats(cars, labels, stats, centroids, 4, CvType.CV_32S);
        int[] row = new int[5];
        List<Box> blobs = new ArrayList<>();
        List<Integer> areas = new ArrayList<>();
        long smallest = Math.max(30, cars.total() / 20000);
        for (int i = 1; i < count; i++) {
            stats.get(i, 0, row);
            if (row[4] >= smallest && row[4] >= FILLED * row[2] * row[3]) {
                blobs.add(new Box(row[0], row[1], row[2], row[3]));
                areas.add(row[2] * row[3]);
            }
        }
        for (Mat m : List.of(labels, stats, centroids, cars)) {
            m.release();
        }
        if (blobs.isEmpty()) {
            return blobs;
        }
        List<Integer> sorted = areas.stream().sorted().toList();
        // The larger blobs are whole cars; the smaller ones, parts of cars whose paint is the ground's.
        double car = sorted.get(sorted.size() * 9 / 10);
        List<Box> bays = new ArrayList<>();
        for (Box blob : blobs) {
            double carsInIt = blob.area() / car;
            if (carsInIt < SMALLEST) {
                continue;
            }
            long pieces = carsInIt <= LARGEST ? 1 : Math.round(carsInIt);
            // Longer than a row of cars, or cut thinner than a car is deep: not cars side by side.
            if (pieces <= MOST_IN_A_ROW && Math.max(blob.width(), blob.height()) / pieces >= Math.min(blob.width(), blob.height()) / 3) {
                bays.addAll(cut(blob, (int) pieces));
            }
        }
        return bays;
    }

    /** A blob cut into equal pieces across its longer side. */
    private static List<Box> cut(Box blob, int pieces) {
        List<Box> parts = new ArrayList<>(pieces);
        boolean across = blob.width() >= blob.height();
        int length = across ? blob.width() : blob.height();
        for (int k = 0; k < pieces; k++) {
            int from = k * length / pieces;
            int to = (k + 1) * length / pieces;
            parts.add(across ? new Box(blob.x() + from, blob.y(), to - from, blob.height())
                    : new Box(blob.x(), blob.y() + from, blob.width(), to - from));
        }
        return parts;
    }
}
