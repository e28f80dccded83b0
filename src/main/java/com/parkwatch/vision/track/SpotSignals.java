package com.parkwatch.vision.track;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import org.opencv.core.Mat;

import java.util.Arrays;

/**
 * What the change detector measures of each spot, on the frame halved (2x2 averages) until a typical spot is a few
 * pixels across, in grey: its mean grey level, how far its pixels are from those kept when it was last classified
 * (drift), and how far they moved since the measure before. At that scale a camera that sways by a pixel or two
 * barely moves the numbers while a car that comes or goes still does, and one small copy into Java serves every
 * spot, with no call into OpenCV per spot. The pixels are read row by row across the whole image, each row's
 * pieces of spots in turn, so that memory is read in order however many spots there are.
 */
final class SpotSignals {

    /** A typical spot keeps at least this many pixels across at the reduced scale. */
    static final int MIN_SIDE = 4;
    private static final int MAX_HALVINGS = 3;
    private static final int SPOT_BITS = 24;

    private final GreyReduction reduction;
    private final int width;
    private byte[] current;
    private byte[] previous;
    private final byte[] reference;
    /** Each spot's box at the reduced scale. */
    private final int[] left;
    private final int[] top;
    private final int[] right;
    private final int[] bottom;
    /** The pieces of spot rows, ordered by row and then column: which spot, and where in the image it starts. */
    private final int[] pieceSpot;
    private final int[] pieceStart;
    private final int[] pixels;
    private final long[] sums;
    private final long[] differences;
    private final long[] movesSummed;
    private final double[] means;
    private final double[] drifts;
    private final double[] moves;

    SpotSignals(Layout layout) {
        int halvings = halvings(layout);
        width = layout.width() >> halvings;
        int height = layout.height() >> halvings;
        reduction = new GreyReduction(layout, halvings);
        current = new byte[width * height];
        previous = new byte[current.length];
        reference = new byte[current.length];
        int n = layout.size();
        left = new int[n];
        top = new int[n];
        right = new int[n];
        bottom = new int[n];
        pixels = new int[n];
        int pieces = 0;
        for (int i = 0; i < n; i++) {
            Box b = layout.spots().get(i).box().clippedTo(layout.width(), layout.height());
            left[i] = Math.min(width - 1, b.x() >> halvings);
            top[i] = Math.min(height - 1, b.y() >> halvings);
            right[i] = Math.max(left[i] + 1, Math.min(width, (b.x() + b.width()) >> halvings));
            bottom[i] = Math.max(top[i] + 1, Math.min(height, (b.y() + b.height()) >> halvings));
            pixels[i] = (right[i] - left[i]) * (bottom[i] - top[i]);
            pieces += bottom[i] - top[i];
        }
        // Ordered by where each piece starts in the image, which is by row and then by column.
        long[] pieceKeys = new long[pieces];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int y = top[i]; y < bottom[i]; y++) {
                pieceKeys[k++] = (long) (y * width + left[i]) << SPOT_BITS | i;
            }
        }
        Arrays.sort(pieceKeys);
        pieceSpot = new int[pieces];
        pieceStart = new int[pieces];
        for (k = 0; k < pieces; k++) {
            pieceSpot[k] = (int) (pieceKeys[k] & ((1L << SPOT_BITS) - 1));
            pieceStart[k] = (int) (pieceKeys[k] >>> SPOT_BITS);
        }
        sums = new long[n];
        differences = new long[n];
        movesSummed = new long[n];
        means = new double[n];
        drifts = new double[n];
        moves = new double[n];
    }

    /** How many times the frame can be halved while the median spot keeps {@link #MIN_SIDE} pixels across. */
    static int halvings(Layout layout) {
        int[] sides = layout.spots().stream().mapToInt(s -> Math.min(s.box().width(), s.box().height())).sorted().toArray();
        int median = sides.length == 0 ? 0 : sides[sides.length / 2];
        int halvings = 0;
        while (halvings < MAX_HALVINGS && median >> (halvings + 1) >= MIN_SIDE) {
            halvings++;
        }
        return halvings;
    }

    /** Measures every spot in a BGR frame of the layout's size. */
    void measure(Mat frame) {
        byte[] swap = previous;
        previous = current;
        current = swap;
        reduction.of(frame).get(0, 0, current);
        Arrays.fill(sums, 0);
        Arrays.fill(differences, 0);
        Arrays.fill(movesSummed, 0);
        for (int k = 0; k < pieceSpot.length; k++) {
            int spot = pieceSpot[k];
            int start = pieceStart[k];
            int end = start + right[spot] - left[spot];
            int sum = 0;
            int difference = 0;
            int move = 0;
            for (int p = start; p < end; p++) {
                int value = current[p] & 0xff;
                sum += value;
                difference += Math.abs(value - (reference[p] & 0xff));
                move += Math.abs(value - (previous[p] & 0xff));
            }
            sums[spot] += sum;
            differences[spot] += difference;
            movesSummed[spot] += move;
        }
        for (int i = 0; i < means.length; i++) {
            means[i] = sums[i] / (double) pixels[i];
            drifts[i] = differences[i] / (double) pixels[i];
            moves[i] = movesSummed[i] / (double) pixels[i];
        }
    }

    /** The spot's mean grey level at the last measure. */
    double mean(int spot) {
        return means[spot];
    }

    /** How far, in grey levels on average, the spot's pixels at the last measure are from those last kept. */
    double drift(int spot) {
        return drifts[spot];
    }

    /** How far, in grey levels on average, the spot's pixels moved since the measure before. */
    double move(int spot) {
        return moves[spot];
    }

    /** Every spot's {@link #drift}; not to be changed. */
    double[] drifts() {
        return drifts;
    }

    /** Every spot's {@link #move}; not to be changed. */
    double[] moves() {
        return moves;
    }

    /** Keeps the spot's pixels of the last measure as the reference its drift is measured from. */
    void keep(int spot) {
        int rowLength = right[spot] - left[spot];
        for (int y = top[spot]; y < bottom[spot]; y++) {
            int start = y * width + left[spot];
            System.arraycopy(current, start, reference, start, rowLength);
        }
        drifts[spot] = 0;
    }

    void release() {
        reduction.release();
    }
}
