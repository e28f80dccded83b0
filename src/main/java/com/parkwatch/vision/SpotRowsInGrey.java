package com.parkwatch.vision;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * A frame in grey, converted only in the bands of rows where spots lie: reading a frame is most of the cost of a
 * step on a big lot, and a third of a lot's rows can be driveways (the simulated 4K lot). Bands start and end on
 * multiples of {@code align} rows, so that halving the picture that many times never mixes a row outside them into
 * one inside; the rows outside are black.
 */
final class SpotRowsInGrey {

    /** Bands covering more of the rows than this are converted as one frame: no gain in the parts. */
    private static final double WHOLE_FRAME_SHARE = 0.9;

    private final Mat grey;
    private final int[] bandStarts;
    private final int[] bandEnds;
    private final Mat[] greyBands;
    private final Mat[] frameBands;
    private Mat bandsOf;
    private long bandsAddress;

    SpotRowsInGrey(Layout layout, int align) {
        grey = new Mat(layout.height(), layout.width(), CvType.CV_8UC1, Scalar.all(0));
        boolean[] covered = new boolean[layout.height()];
        for (var spot : layout.spots()) {
            Box b = spot.box().clippedTo(layout.width(), layout.height());
            int from = b.y() / align * align;
            int to = Math.min(layout.height(), (b.y() + b.height() + align - 1) / align * align);
            for (int y = from; y < to; y++) {
                covered[y] = true;
            }
        }
        List<int[]> bands = new ArrayList<>();
        int rows = 0;
        for (int y = 0; y < covered.length; y++) {
            if (covered[y]) {
                rows++;
                if (y == 0 || !covered[y - 1]) {
                    bands.add(new int[]{y, y + 1});
                } else {
                    bands.get(bands.size() - 1)[1] = y + 1;
                }
            }
        }
        if (rows > WHOLE_FRAME_SHARE * covered.length) {
            bands = List.of(new int[]{0, covered.length});
        }
        bandStarts = bands.stream().mapToInt(b -> b[0]).toArray();
        bandEnds = bands.stream().mapToInt(b -> b[1]).toArray();
        greyBands = new Mat[bands.size()];
        frameBands = new Mat[bands.size()];
        for (int i = 0; i < greyBands.length; i++) {
            greyBands[i] = grey.rowRange(bandStarts[i], bandEnds[i]);
        }
    }

    /** The BGR frame (of the layout's size) in grey where spots lie; valid until the next call. */
    Mat of(Mat frame) {
        if (frame != bandsOf || frame.dataAddr() != bandsAddress) {
            // Views of the frame's buffer, made again only when the source hands over another one.
            for (int i = 0; i < frameBands.length; i++) {
                if (frameBands[i] != null) {
                    frameBands[i].release();
                }
                frameBands[i] = frame.rowRange(bandStarts[i], bandEnds[i]);
            }
            bandsOf = frame;
            bandsAddress = frame.dataAddr();
        }
        for (int i = 0; i < frameBands.length; i++) {
            Imgproc.cvtColor(frameBands[i], greyBands[i], Imgproc.COLOR_BGR2GRAY);
        }
        return grey;
    }

    void release() {
        for (Mat m : frameBands) {
            if (m != null) {
                m.release();
            }
        }
        for (Mat m : greyBands) {
            m.release();
        }
        grey.release();
    }
}
