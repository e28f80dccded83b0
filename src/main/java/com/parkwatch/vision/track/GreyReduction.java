package com.parkwatch.vision.track;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * A frame in grey, halved a number of times (2x2 averages), made only in the bands of rows where spots lie, one band
 * at a time: reading the frame is most of the cost of a step on a big lot, a third of a lot's rows can be driveways
 * (the simulated 4K lot), and a band's grey rows are still in the cache when they are halved. Bands start on
 * multiples of 2^halvings rows, so that halving never mixes a row outside them into one inside; the rows outside
 * are black. Grey first, then halved: converting reads the frame once, as halving it in colour would, and writes a
 * third as much.
 */
final class GreyReduction {

    /** Bands covering more of the rows than this are made as one: no gain in the parts. */
    private static final double WHOLE_FRAME_SHARE = 0.9;

    /** The grey frame and its halvings; the last is the reduced picture. */
    private final Mat[] levels;
    private final int[] bandStarts;
    private final int[] bandEnds;
    /** Each band's rows in each level, and their sizes. */
    private final Mat[][] bandLevels;
    private final Size[][] bandSizes;
    private final Mat[] frameBands;
    private Mat bandsOf;
    private long bandsAddress;

    GreyReduction(Layout layout, int halvings) {
        int align = 1 << halvings;
        List<int[]> bands = spotBands(layout, align);
        int rows = bands.stream().mapToInt(b -> b[1] - b[0]).sum();
        boolean anyEmpty = bands.stream().anyMatch(b -> b[1] >> halvings == b[0] >> halvings);
        if (rows > WHOLE_FRAME_SHARE * layout.height() || anyEmpty) {
            bands = List.of(new int[]{0, layout.height()});
        }
        levels = new Mat[halvings + 1];
        for (int l = 0; l <= halvings; l++) {
            levels[l] = new Mat(layout.height() >> l, layout.width() >> l, CvType.CV_8UC1, Scalar.all(0));
        }
        bandStarts = bands.stream().mapToInt(b -> b[0]).toArray();
        bandEnds = bands.stream().mapToInt(b -> b[1]).toArray();
        bandLevels = new Mat[bands.size()][halvings + 1];
        bandSizes = new Size[bands.size()][halvings + 1];
        for (int i = 0; i < bandLevels.length; i++) {
            for (int l = 0; l <= halvings; l++) {
                bandLevels[i][l] = levels[l].rowRange(bandStarts[i] >> l, bandEnds[i] >> l);
                bandSizes[i][l] = bandLevels[i][l].size();
            }
        }
        frameBands = new Mat[bands.size()];
    }

    /** The rows spots cover, widened to multiples of {@code align}, as [start, end) bands. */
    private static List<int[]> spotBands(Layout layout, int align) {
        boolean[] covered = new boolean[layout.height()];
        for (var spot : layout.spots()) {
            Box b = spot.box().clippedTo(layout.width(), layout.height());
            int to = Math.min(layout.height(), (b.y() + b.height() + align - 1) / align * align);
            for (int y = b.y() / align * align; y < to; y++) {
                covered[y] = true;
            }
        }
        List<int[]> bands = new ArrayList<>();
        for (int y = 0; y < covered.length; y++) {
            if (covered[y] && (y == 0 || !covered[y - 1])) {
                bands.add(new int[]{y, y + 1});
            } else if (covered[y]) {
                bands.get(bands.size() - 1)[1] = y + 1;
            }
        }
        return bands;
    }

    /** The BGR frame (of the layout's size) reduced, where spots lie; valid until the next call. */
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
            Imgproc.cvtColor(frameBands[i], bandLevels[i][0], Imgproc.COLOR_BGR2GRAY);
            for (int l = 1; l < levels.length; l++) {
                Imgproc.resize(bandLevels[i][l - 1], bandLevels[i][l], bandSizes[i][l], 0, 0, Imgproc.INTER_AREA);
            }
        }
        return levels[levels.length - 1];
    }

    void release() {
        for (Mat m : frameBands) {
            if (m != null) {
                m.release();
            }
        }
        for (Mat[] band : bandLevels) {
            for (Mat m : band) {
                m.release();
            }
        }
        for (Mat m : levels) {
            m.release();
        }
    }
}
