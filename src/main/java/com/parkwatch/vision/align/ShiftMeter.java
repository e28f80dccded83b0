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
 * A phase correlation finds a plain shift for the cost of two small FFTs; two more, of the pictures' left and right
 * halves, tell a turn (one half moves up as the other moves down) or a zoom (they move apart) that leaves the whole
 * picture's shift near nothing. ECC, dearer, fits a shift with a turn and a zoom when the correlation's peak is weak
 * (a turn spreads it), when a shift was found and may hide a turn, or when the halves disagree. Parked and passing
 * cars are a small part of the picture, so the lot's fixed structure (lines, kerbs, asphalt) decides. The small
 * pictures are native buffers made once and released by {@link #close}.
 */
final class ShiftMeter implements AutoCloseable {

    static {
        OpenCv.load();
    }

    /** The reduced pictures' longer side. */
    private static final int SIDE = 320;
    /**
     * A frame more than this many reduced pictures across is first sampled down to {@link #SAMPLED} of them (each
     * pixel read from its nearest four), then averaged: averaging every pixel of a 3840x2160 frame took 11-13 ms of
     * CPU a sample, more than the rest of a 10,368-spot lot's step, where this takes 1-1.5 ms. Frames up to 1280x720
     * are averaged whole, as before.
     */
    private static final int SAMPLE_ABOVE = 4;
    private static final int SAMPLED = 2;
    /**
     * A phase correlation peak at least this strong is a clear shift. Between samples a second apart the tutorial
     * lots' peaks are 0.6 to 0.99; a 20-degree turn's are below 0.1.
     */
    static final double CLEAR_PEAK = 0.3;
    /** A kept picture whose grey levels spread less than this has no structure to measure a move by. */
    static final double FLAT = 2;
    /** How far (small pixels) the halves' mean move may be from the whole picture's for their turn or zoom to count. */
    private static final double HALVES_AGREE = 2;
    /** An ECC fit whose correlation is below this is no fit: the picture is not the lot turned a little. */
    static final double MIN_CORRELATION = 0.8;

    private final double scale;
    /** The frame sampled down, for a frame over {@link #SAMPLE_ABOVE} reduced pictures across; null for others. */
    private final Mat sampled;
    private final Size sampledSize;
    private final Mat small = new Mat();
    private final Mat grey = new Mat();
    private final Mat current;
    private final Mat kept;
    /** The picture the layout, where it is now, was placed on: the kept one as it was then. */
    private final Mat fitted;
    /** Views of the left and right halves of {@link #kept} and {@link #current}, sharing their buffers. */
    private final Mat keptLeft;
    private final Mat keptRight;
    private final Mat currentLeft;
    private final Mat currentRight;
    private final Mat halfWindow = new Mat();
    private Point leftMoved;
    private Point rightMoved;
    /** The whole picture's move at the last {@link #shift}, in small pixels. */
    private Point wholeMoved;
    private final Mat keptMoved = new Mat();
    private final Mat window = new Mat();
    private final Mat warp = Mat.eye(2, 3, CvType.CV_32F);
    private final Mat zoomWarp = Mat.eye(2, 3, CvType.CV_32F);
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
        sampled = scale > SAMPLE_ABOVE ? new Mat() : null;
        sampledSize = new Size(smallSize.width * SAMPLED, smallSize.height * SAMPLED);
        Imgproc.createHanningWindow(window, smallSize, CvType.CV_32F);
        // Made at their size once: converting and copying into them then keeps their buffers, and so the halves.
        current = new Mat(smallSize, CvType.CV_32F);
        kept = new Mat(smallSize, CvType.CV_32F);
        fitted = new Mat(smallSize, CvType.CV_32F);
        int rows = (int) smallSize.height;
        int half = (int) smallSize.width / 2;
        keptLeft = kept.submat(0, rows, 0, half);
        keptRight = kept.submat(0, rows, half, 2 * half);
        currentLeft = current.submat(0, rows, 0, half);
        currentRight = current.submat(0, rows, half, 2 * half);
        Imgproc.createHanningWindow(halfWindow, keptLeft.size(), CvType.CV_32F);
    }

    /** Makes the frame (BGR) the current picture. */
    void look(Mat frame) {
        Mat whole = frame;
        if (sampled != null) {
            Imgproc.resize(frame, sampled, sampledSize, 0, 0, Imgproc.INTER_LINEAR);
            whole = sampled;
        }
        Imgproc.resize(whole, small, smallSize, 0, 0, Imgproc.INTER_AREA);
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

    /** Marks the kept picture as the one the layout, where it is now, fits. */
    void fitLayout() {
        kept.copyTo(fitted);
    }

    /**
     * How the current picture moved against the one the layout fits, as a plain shift in frame pixels; empty if
     * unclear. Kept pictures follow sway and drift, the layout does not: a jump back across them is no move.
     */
    Optional<CameraShift> shiftSinceFitted() {
        Point shift = Imgproc.phaseCorrelate(fitted, current, window, peak);
        return peak[0] >= CLEAR_PEAK ? Optional.of(new CameraShift(shift.x * scale, shift.y * scale, 0)) : Optional.empty();
    }

    private void measureKept() {
        Core.meanStdDev(kept, mean, spread);
        keptFlat = spread.get(0, 0)[0] < FLAT;
    }

    /** The reduced pictures' size. */
    Size size() {
        return smallSize;
    }

    /**
     * The smallest jump (frame pixels, at the farthest point) told from sway: {@link CameraFollower#FOLLOW_FROM}, and
     * never less than a pixel of the reduced pictures, which the readings of a still camera wander by up to 0.6 of
     * (the simulated 4K lot: 7 px at 12 frame pixels to one; read as knocks there, they moved 10,368 spots).
     */
    double smallestMove() {
        return Math.max(CameraFollower.FOLLOW_FROM, scale);
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
        wholeMoved = Imgproc.phaseCorrelate(kept, current, window, peak);
        return peak[0] >= CLEAR_PEAK ? Optional.of(new CameraShift(wholeMoved.x * scale, wholeMoved.y * scale, 0))
                : Optional.empty();
    }

    /**
     * How far (frame pixels) the turn and the zoom that the two halves' shifts show move the picture's corners: a
     * half that moves up while the other moves down turned, halves that move apart zoomed. 0 when a half's peak is
     * unclear, or when the halves' mean move is not the whole picture's of the last {@link #shift} (a turn or zoom
     * about the middle moves the halves' middles by as much either way of it): a half's peak then fell on a repeat
     * of the picture or on what moved in it, as on the simulated 4K lot's identical tiles, where ECC ran every other
     * sample to find nothing. The whole picture's peak then decides.
     */
    double bend() {
        if (!measureHalves() || Math.hypot((leftMoved.x + rightMoved.x) / 2 - wholeMoved.x,
                (leftMoved.y + rightMoved.y) / 2 - wholeMoved.y) > HALVES_AGREE) {
            return 0;
        }
        double apart = smallSize.width / 2;
        return (Math.abs(rightMoved.y - leftMoved.y) + Math.abs(rightMoved.x - leftMoved.x)) / apart * halfDiagonal();
    }

    /**
     * Measures how the left and right halves moved, into {@link #leftMoved} and {@link #rightMoved} (small pixels);
     * false when a half's peak is unclear. Their middles are half a picture apart: the difference of their moves
     * over that is the turn (radians, down: clockwise) and the zoom.
     */
    private boolean measureHalves() {
        leftMoved = Imgproc.phaseCorrelate(keptLeft, currentLeft, halfWindow, peak);
        if (peak[0] < CLEAR_PEAK) {
            return false;
        }
        rightMoved = Imgproc.phaseCorrelate(keptRight, currentRight, halfWindow, peak);
        return peak[0] >= CLEAR_PEAK;
    }

    /** Half the frame's diagonal, in frame pixels: how far a turn or zoom moves the corners, per radian or per 1. */
    private double halfDiagonal() {
        return Math.hypot(smallSize.width, smallSize.height) / 2 * scale;
    }

    /**
     * The shift, turn and zoom that fit from a first guess; empty if nothing fits well. ECC fits a shift with a turn
     * (Euclidean). A zoom it cannot fit (an affine ECC, whose similarity was kept, settled on a 2.5% zoom for a plain
     * turn on the simulated lot, and failed the check below for a real zoom), so when the halves moved apart, the
     * halves' own shift, turn and zoom are checked too, and kept when they line the pictures up.
     */
    Optional<CameraShift> fit(CameraShift guess) {
        boolean turned = fitsTurn(guess);
        boolean zoomed = zoomFromHalves() && confirmed(zoomWarp);
        if (!turned && !zoomed) {
            return Optional.empty();
        }
        (zoomed ? zoomWarp : warp).get(0, 0, warpValues);
        float[] w = warpValues;
        if (!zoomed && !guess.equals(CameraShift.NONE) && Math.abs(Math.atan2(w[3], w[0])) * halfDiagonal() < 1) {
            // A turn that moves no corner by a pixel is ECC's noise: the phase correlation's shift is the finer.
            return Optional.of(guess);
        }
        // ECC turns about the small picture's corner; the layout turns about the frame's centre.
        double cx = smallSize.width / 2;
        double cy = smallSize.height / 2;
        double dx = w[2] - cx + w[0] * cx + w[1] * cy;
        double dy = w[5] - cy + w[3] * cx + w[4] * cy;
        return Optional.of(new CameraShift(dx * scale, dy * scale, Math.toDegrees(Math.atan2(w[3], w[0])),
                zoomed ? Math.hypot(w[0], w[3]) : 1));
    }

    /**
     * Puts the move the halves show (their mean shift, and the turn and zoom of their difference) in {@link #zoomWarp}
     * when they show a zoom of {@link #smallestMove} at the corners; false when they do not, or are unclear.
     */
    private boolean zoomFromHalves() {
        if (!measureHalves()) {
            return false;
        }
        double apart = smallSize.width / 2;
        double zoom = (rightMoved.x - leftMoved.x) / apart;
        if (Math.abs(zoom) * halfDiagonal() < smallestMove()) {
            return false;
        }
        double turn = (rightMoved.y - leftMoved.y) / apart;
        double cos = (1 + zoom) * Math.cos(turn);
        double sin = (1 + zoom) * Math.sin(turn);
        // About the small picture's middle, which moves by the halves' mean shift.
        double cx = smallSize.width / 2;
        double cy = smallSize.height / 2;
        double mx = (leftMoved.x + rightMoved.x) / 2;
        double my = (leftMoved.y + rightMoved.y) / 2;
        zoomWarp.put(0, 0, cos, -sin, cx + mx - cos * cx + sin * cy, sin, cos, cy + my - sin * cx - cos * cy);
        return true;
    }

    /** Whether ECC fits a shift with a turn from the guess, left in {@link #warp}, that is {@link #confirmed}. */
    private boolean fitsTurn(CameraShift guess) {
        warp.put(0, 0, 1, 0, guess.dx() / scale, 0, 1, guess.dy() / scale);
        double correlation;
        try {
            correlation = Video.findTransformECC(kept, current, warp, Video.MOTION_EUCLIDEAN, criteria, noMask, 5);
        } catch (CvException e) {
            // ECC says so when it does not converge: the pictures are too far apart to fit.
            return false;
        }
        return correlation >= MIN_CORRELATION && confirmed(warp);
    }

    /**
     * Whether the kept picture moved as ECC fitted lines up with the current one: on a lot of repeated rows ECC can
     * settle on a wrong turn with a good correlation, but then the phase correlation of the two finds no clear peak
     * at the same place.
     */
    private boolean confirmed(Mat fitted) {
        Imgproc.warpAffine(kept, keptMoved, fitted, smallSize, Imgproc.INTER_LINEAR);
        Point left = Imgproc.phaseCorrelate(keptMoved, current, window, peak);
        return peak[0] >= CLEAR_PEAK && Math.hypot(left.x, left.y) < 1;
    }

    @Override
    public void close() {
        if (sampled != null) {
            sampled.release();
        }
        small.release();
        grey.release();
        keptLeft.release();
        keptRight.release();
        currentLeft.release();
        currentRight.release();
        halfWindow.release();
        current.release();
        kept.release();
        fitted.release();
        keptMoved.release();
        window.release();
        warp.release();
        zoomWarp.release();
        noMask.release();
        mean.release();
        spread.release();
    }
}
