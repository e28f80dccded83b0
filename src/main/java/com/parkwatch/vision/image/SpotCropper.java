package com.parkwatch.vision.image;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The pixels of each spot in one frame buffer: views into it for axis-aligned spots (made once), and the rotated
 * rectangle warped upright for the others, each into a buffer of its own so that several spots' crops can be
 * classified together.
 */
public final class SpotCropper {

    static {
        OpenCv.load();
    }

    private final Mat frame;
    private final long address;
    private final Mat[] boxViews;
    private final RotatedRect[] rotated;
    private final Mat[] warped;

    /** @param frame a buffer whose size and data stay fixed while this cropper is used on it */
    public SpotCropper(Layout layout, Mat frame) {
        this.frame = frame;
        address = frame.dataAddr();
        int n = layout.size();
        boxViews = new Mat[n];
        rotated = new RotatedRect[n];
        warped = new Mat[n];
        for (int i = 0; i < n; i++) {
            Spot spot = layout.spots().get(i);
            Box b = spot.box().clippedTo(frame.cols(), frame.rows());
            boxViews[i] = frame.submat(new Rect(b.x(), b.y(), b.width(), b.height()));
            if (!spot.isAxisAligned()) {
                rotated[i] = upright(spot);
                warped[i] = new Mat();
            }
        }
    }

    /** Whether this cropper's views are views of that frame: the same Mat over the same pixels. */
    public boolean views(Mat frame) {
        return frame == this.frame && frame.dataAddr() == address;
    }

    /** The spot as the classifier sees it: upright, valid until the next call for the same spot. */
    public Mat crop(int spot) {
        RotatedRect r = rotated[spot];
        if (r == null) {
            return boxViews[spot];
        }
        return warpUpright(frame, r, warped[spot]);
    }

    /** The rotated rectangle around a spot's outline, turned so that its long side stands vertical. */
    public static RotatedRect upright(Spot spot) {
        Point[] points = spot.outline().stream().map((Vertex v) -> new Point(v.x(), v.y())).toArray(Point[]::new);
        MatOfPoint2f outline = new MatOfPoint2f(points);
        RotatedRect r = Imgproc.minAreaRect(outline);
        outline.release();
        if (r.size.width > r.size.height) {
            r = new RotatedRect(r.center, new Size(r.size.height, r.size.width), r.angle - 90);
        }
        return r;
    }

    /** Warps the rotated rectangle of the image into {@code out}, upright and at its own size. */
    public static Mat warpUpright(Mat image, RotatedRect r, Mat out) {
        Mat turn = Imgproc.getRotationMatrix2D(r.center, r.angle, 1.0);
        // Shift so that the rectangle's centre lands at the centre of the output.
        turn.put(0, 2, turn.get(0, 2)[0] - r.center.x + r.size.width / 2);
        turn.put(1, 2, turn.get(1, 2)[0] - r.center.y + r.size.height / 2);
        Imgproc.warpAffine(image, out, turn, new Size(Math.max(1, Math.round(r.size.width)),
                Math.max(1, Math.round(r.size.height))), Imgproc.INTER_LINEAR);
        turn.release();
        return out;
    }

    public void release() {
        for (Mat m : boxViews) {
            m.release();
        }
        for (Mat m : warped) {
            if (m != null) {
                m.release();
            }
        }
    }
}
