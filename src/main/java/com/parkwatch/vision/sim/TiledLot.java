package com.parkwatch.vision.sim;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * A very large lot for measuring how the analysis scales: the simulated lot at a quarter of its size, repeated
 * 12 x 12 times in one 3840x2160 frame, 10,368 spots. One copy lives (its cars come and go as in the simulated lot,
 * a change every second or two, which for a lot this size is a busy hour); the others stand as they were at the
 * start, as most of a big lot does from one second to the next.
 */
public final class TiledLot implements AutoCloseable {

    public static final int WIDTH = 3840;
    public static final int HEIGHT = 2160;
    private static final int TILES = 12;
    private static final int TILE_WIDTH = WIDTH / TILES;
    private static final int TILE_HEIGHT = HEIGHT / TILES;
    /** Near the middle of the frame. */
    private static final int LIVE_TILE = TILES * TILES / 2 + TILES / 2;

    private final SimulatedLot lot;
    private final Layout layout;
    private final Mat tile = new Mat(TILE_HEIGHT, TILE_WIDTH, CvType.CV_8UC3);
    private final Mat frame = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3);
    private final Mat[] tileViews = new Mat[TILES * TILES];
    private boolean started;

    public TiledLot(long seed) {
        lot = new SimulatedLot(seed);
        List<Spot> one = lot.ownLayout().orElseThrow().spots();
        double scale = (double) TILE_WIDTH / SimulatedLot.WIDTH;
        List<Spot> spots = new ArrayList<>();
        for (int t = 0; t < tileViews.length; t++) {
            int x = t % TILES * TILE_WIDTH;
            int y = t / TILES * TILE_HEIGHT;
            tileViews[t] = frame.submat(new Rect(x, y, TILE_WIDTH, TILE_HEIGHT));
            for (Spot s : one) {
                Box b = s.box().scaled(scale, scale);
                spots.add(Spot.ofBox(spots.size() + 1, new Box(x + b.x(), y + b.y(), b.width(), b.height())));
            }
        }
        layout = new Layout(WIDTH, HEIGHT, spots);
    }

    public Layout layout() {
        return layout;
    }

    /** Runs the lot on by some frames and returns the last, tiled; valid until the next call. */
    public Mat advance(int frames) {
        Mat last = null;
        for (int i = 0; i < frames; i++) {
            last = lot.next();
        }
        Imgproc.resize(last, tile, new Size(TILE_WIDTH, TILE_HEIGHT), 0, 0, Imgproc.INTER_AREA);
        if (!started) {
            for (Mat view : tileViews) {
                tile.copyTo(view);
            }
            started = true;
        }
        tile.copyTo(tileViews[LIVE_TILE]);
        return frame;
    }

    @Override
    public void close() {
        for (Mat view : tileViews) {
            view.release();
        }
        tile.release();
        frame.release();
        lot.close();
    }
}
