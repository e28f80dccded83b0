package com.parkwatch.vision;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** The tutorial's features: the crop shrunk to 15x15 colour pixels, scaled to 0..1, as one row of 675 floats. */
public final class PixelFeatures {

    static {
        OpenCv.load();
    }

    public static final int SIDE = 15;
    public static final int LENGTH = SIDE * SIDE * 3;

    private static final Size SIZE = new Size(SIDE, SIDE);

    private final Mat small = new Mat();
    private final Mat floats = new Mat();

    /** Writes the features of a crop into one row of {@code out} (N x 675, CV_32F). */
    public void extract(Mat crop, Mat out, int row) {
        Imgproc.resize(crop, small, SIZE, 0, 0, Imgproc.INTER_AREA);
        small.convertTo(floats, CvType.CV_32F, 1.0 / 255);
        Mat flat = floats.reshape(1, 1);
        Mat target = out.row(row);
        flat.copyTo(target);
        flat.release();
        target.release();
    }

    public void release() {
        small.release();
        floats.release();
    }
}
