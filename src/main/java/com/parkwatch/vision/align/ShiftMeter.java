package com.parkwatch.vision.align;

import com.parkwatch.vision.image.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.imgproc.Imgproc;
import org.opencv.video.Video;

import java.util.Optional;

/**
 * Measures how a frame moved against a kept picture of the lot, on both made small (about 320 px across) and grey.
 * A phase correlation finds a plain shift for the cost of two small FFTs; ECC, dearer, fits a shift with a turn
 * when the correlation's peak is weak (a turn spreads it) or when a shift was found and may hide a turn. Parked and
 * passing cars are a small part of the picture, so the lot's fixed structure (lines, kerbs, asphalt) decides. The
 * small pictures are native buffers made once and released by {@link #close}.
 */
final class ShiftMeter implements AutoCloseable {

    static {
        OpenCv.load();
    }

    /** The reduced pictures' longer side. */
    private static final int SIDE = 320;
    /**
     * A phase correlation peak at least this strong is a clear shift. Between samples a second apart the tutorial
     * lots' peaks are 0.6 to 0.99; a 20-degree turn's are below 0.1.
     */
    static final double CLEAR_PEAK = 0.3;
    /** A kept picture whose grey levels spread less than this has no structure to measure a move by. */
    static final double FLAT = 2;
    /** An ECC fit whose correlation is below this is no fit: the picture is not the lot turned a little. */
    static final double MIN_CORRELATION = 0.8;

    private final double scale;
    private final Mat small = new Mat();
    private final Mat grey = new Mat();
    private final Mat current = new Mat();
    private final Mat kept = new Mat();
    private final Mat keptMoved = new Mat();
    private final Mat window = new Mat();
    private final Mat warp = Mat.eye(2, 3, CvType.CV_32F);
    private final Mat noMask = new Mat();
    private final Size smallSize;
    private final double[] peak = new double[1];
    private final MatOfDouble mean = new MatOfDouble();
    private final MatOfDouble spread = new MatOfDouble();
    private boolean keptFlat;
    private final float[] warpValues = new float[6];
    private final TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 50, 1e-4);

    ShiftMeter(int width, int height) {
        scale = Math.max(1.0, Math.max(width, height) / (double) SIDE);
        smallSize = new Size(Math.round(width / scale), Math.round(height / scale));
        Imgproc.createHanningWindow(window, smallSize, CvType.CV_32F);
    }

    /** Makes the frame (BGR) the current picture. */
    void look(Mat frame) {
        Imgproc.resize(frame, small, smallSize, 0, 0, Imgproc.INTER_AREA);
        Imgproc.cvtColor(small, grey, Imgproc.COLOR_BGR2GRAY);
        grey.convertTo(current, CvType.CV_32F);
    }

    /** Keeps the current picture as the one later pictures are measured against. */
    void keep() {
        current.copyTo(kept);
        measureKept();
    }

    /** Keeps a picture from before (8-bit grey, at {@link #size()}) as the one later pictures are measured against. */
    void keep(Mat earlierGrey) {
        earlierGrey.convertTo(kept, CvType.CV_32F);
        measureKept();
    }

    private void measureKept() {
        Core.meanStdDev(kept, mean, spread);
        keptFlat = spread.get(0, 0)[0] < FLAT;
    }

    /** The reduced pictures' size. */
    Size size() {
        return smallSize;
    }

    /** The current picture, reduced and 8-bit grey: valid until the next {@link #look}. */
    Mat currentGrey() {
        return grey;
    }

    /** Whether the kept picture is blank (a test card, a covered lens): no move can be measured against it. */
    boolean keptIsFlat() {
        return keptFlat;
    }

    /** How the current picture moved against the kept one, as a plain shift in frame pixels; empty if unclear. */
    Optional<CameraShift> shift() {
        Point shift = Imgproc.phaseCorrelate(kept, current, window, peak);
        return peak[0] >= CLEAR_PEAK ? Optional.of(new CameraShift(shift.x * scale, shift.y * scale, 0)) : Optional.empty();
    }

    /** The shift and turn that ECC fits from a first guess; empty if it does not fit well. */
    Optional<CameraShift> fit(CameraShift guess) {
        warp.put(0, 0, 1, 0, guess.dx() / scale, 0, 1, guess.dy() / scale);
        double correlation;
        try {
            correlation = Video.findTransformECC(kept, current, warp, Video.MOTION_EUCLIDEAN, criteria, noMask, 5);
        } catch (CvException e) {
            // ECC says so when it does not converge: the pictures are too far apart to fit.
            return Optional.empty();
        }
        if (correlation < MIN_CORRELATION || !confirmed()) {
            return Optional.empty();
        }
        warp.get(0, 0, warpValues);
        float[] w = warpValues;
        // ECC turns about the small picture's corner; the layout turns about the frame's centre.
        double cx = smallSize.width / 2;
        double cy = smallSize.height / 2;
        double dx = w[2] - cx + w[0] * cx + w[1] * cy;
        double dy = w[5] - cy + w[3] * cx + w[4] * cy;
        return Optional.of(new CameraShift(dx * scale, dy * scale, Math.toDegrees(Math.atan2(w[3], w[0]))));
    }

    /**
     * Whether the kept picture moved as ECC fitted lines up with the current one: on a lot of repeated rows ECC can
     * settle on a wrong turn with a good correlation, but then the phase correlation of the two finds no clear peak
     * at the same place.
     */
    private boolean confirmed() {
        Imgproc.warpAffine(kept, keptMoved, warp, smallSize, Imgproc.INTER_LINEAR);
        Point left = Imgproc.phaseCorrelate(keptMoved, current, window, peak);
        return peak[0] >= CLEAR_PEAK && Math.hypot(left.x, left.y) < 1;
    }

    @Override
    public void close() {
        small.release();
        grey.release();
        current.release();
        kept.release();
        keptMoved.release();
        window.release();
        warp.release();
        noMask.release();
        mean.release();
        spread.release();
    }
}
