package com.parkwatch.vision.classify;

import com.parkwatch.vision.image.OpenCv;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfFloat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.HOGDescriptor;

/**
 * Features of a spot's crop that hold across lots, cameras and light: the crop is turned so that its long side
 * stands vertical and shrunk to 32x32; then the shape of its gradients (HOG, 324 values) and eight statistics of
 * colour and texture (saturation, contrast and edge density, each relative to brightness). Reuses its buffers.
 */
public final class SpotFeatures {

    static {
        OpenCv.load();
    }

    public static final String KIND = "hog32-colour8-thumb8";
    private static final int SIDE = 32;
    private static final Size SIZE = new Size(SIDE, SIDE);
    private static final int HOG_LENGTH = 324;
    private static final int STATISTICS = 8;
    private static final Size THUMBNAIL = new Size(8, 8);
    private static final int THUMBNAIL_LENGTH = 8 * 8 * 3;
    public static final int LENGTH = HOG_LENGTH + STATISTICS + THUMBNAIL_LENGTH;
    /** Keeps ratios finite on black crops; in grey levels. */
    private static final double DARK = 10;

    private final HOGDescriptor hog = new HOGDescriptor(SIZE, new Size(16, 16), new Size(8, 8), new Size(8, 8), 9);
    private final Mat turned = new Mat();
    private final Mat small = new Mat();
    private final Mat gray = new Mat();
    private final Mat hsv = new Mat();
    private final Mat gradientX = new Mat();
    private final Mat gradientY = new Mat();
    private final Mat magnitude = new Mat();
    private final Mat edges = new Mat();
    private final Mat laplacian = new Mat();
    private final MatOfFloat descriptor = new MatOfFloat();
    private final MatOfDouble mean = new MatOfDouble();
    private final MatOfDouble deviation = new MatOfDouble();
    private final double[] means = new double[3];
    private final double[] deviations = new double[3];
    private final float[] hogValues = new float[HOG_LENGTH];
    private final Mat thumbnail = new Mat();
    private final byte[] thumbnailValues = new byte[THUMBNAIL_LENGTH];

    /** Writes the {@link #LENGTH} features of an 8-bit BGR crop into {@code out}. */
    public void extract(Mat crop, float[] out) {
        Mat upright = crop;
        if (crop.cols() > crop.rows()) {
            Core.transpose(crop, turned);
            upright = turned;
        }
        Imgproc.resize(upright, small, SIZE, 0, 0, Imgproc.INTER_AREA);
        Imgproc.cvtColor(small, gray, Imgproc.COLOR_BGR2GRAY);
        hog.compute(gray, descriptor);
        descriptor.get(0, 0, hogValues);
        System.arraycopy(hogValues, 0, out, 0, HOG_LENGTH);

        int k = HOG_LENGTH;
        Imgproc.cvtColor(small, hsv, Imgproc.COLOR_BGR2HSV);
        statistics(hsv);
        out[k++] = (float) (means[1] / 255);
        out[k++] = (float) (deviations[1] / 128);
        out[k++] = (float) (deviations[2] / 128);
        out[k++] = (float) (deviations[2] / (means[2] + DARK));
        statistics(gray);
        double brightness = means[0] + DARK;
        out[k++] = (float) (deviations[0] / brightness);
        Imgproc.Sobel(gray, gradientX, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(gray, gradientY, CvType.CV_32F, 0, 1);
        Core.magnitude(gradientX, gradientY, magnitude);
        statistics(magnitude);
        out[k++] = (float) (means[0] / brightness);
        Imgproc.Canny(gray, edges, 50, 150);
        out[k++] = (float) (Core.countNonZero(edges) / (double) (SIDE * SIDE));
        Imgproc.Laplacian(gray, laplacian, CvType.CV_32F);
        statistics(laplacian);
        out[k++] = (float) (deviations[0] / brightness);
        Imgproc.resize(small, thumbnail, THUMBNAIL, 0, 0, Imgproc.INTER_AREA);
        thumbnail.get(0, 0, thumbnailValues);
        for (byte v : thumbnailValues) {
            out[k++] = (v & 0xff) / 255f;
        }
    }

    private void statistics(Mat image) {
        Core.meanStdDev(image, mean, deviation);
        mean.get(0, 0, means);
        deviation.get(0, 0, deviations);
    }

    public void release() {
        for (Mat m : new Mat[]{turned, small, gray, hsv, gradientX, gradientY, magnitude, edges, laplacian,
                descriptor, mean, deviation, thumbnail}) {
            m.release();
        }
    }
}
