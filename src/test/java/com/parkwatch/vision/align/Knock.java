package com.parkwatch.vision.align;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A knocked camera for tests: frames turned by {@code degrees} (clockwise, about the centre), zoomed, and shifted by (dx, dy)
 * pixels, the edge that comes into view filled with the nearest pixels, as a camera would see more of the same lot.
 */
public final class Knock implements AutoCloseable {

    private final Mat matrix;
    private final Mat moved = new Mat();

    public Knock(int width, int height, double dx, double dy, double degrees) {
        this(width, height, dx, dy, degrees, 1);
    }

    /** @param scale a zoom about the centre as well: 1.03 is 3% closer */
    public Knock(int width, int height, double dx, double dy, double degrees, double scale) {
        // OpenCV turns anticlockwise for a positive angle.
        matrix = Imgproc.getRotationMatrix2D(new Point(width / 2.0, height / 2.0), -degrees, scale);
        matrix.put(0, 2, matrix.get(0, 2)[0] + dx);
        matrix.put(1, 2, matrix.get(1, 2)[0] + dy);
    }

    /** The frame as the knocked camera sees it; valid until the next call. */
    public Mat apply(Mat frame) {
        Imgproc.warpAffine(frame, moved, matrix, new Size(frame.cols(), frame.rows()), Imgproc.INTER_LINEAR,
                Core.BORDER_REPLICATE);
        return moved;
    }

    @Override
    public void close() {
        matrix.release();
        moved.release();
    }
}
