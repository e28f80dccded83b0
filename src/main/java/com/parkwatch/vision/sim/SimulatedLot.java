package com.parkwatch.vision.sim;

import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.video.FrameSource;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.Spot;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A top-down parking lot that never ends: asphalt, painted bays, cars of many colours and sizes that arrive and
 * leave on a seeded schedule, traffic in the aisles, pedestrians crossing bays, slow changes of light and sensor
 * noise. It knows the true state of every spot in every frame, so the engine can be checked exactly.
 */
public final class SimulatedLot implements FrameSource {

    static {
        OpenCv.load();
    }

    public static final long DEFAULT_SEED = 7;
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final double FRAME_RATE = 30;

    private static final int BAY_WIDTH = 64;
    private static final int BAY_LENGTH = 120;
    private static final int BAYS_PER_ROW = 18;
    private static final int FIRST_BAY_X = 64;
    /** Top edge of each row of bays; the gaps between rows 0-1 and 2-3 are the aisles. */
    private static final int[] ROW_TOPS = {20, 250, 370, 600};
    private static final int[] AISLE_CENTRES = {195, 545};
    private static final double MEAN_OCCUPIED_SECONDS = 80;
    private static final double MEAN_FREE_SECONDS = 40;
    private static final double SHORTEST_STAY_SECONDS = 8;
    private static final int NOISE_FRAMES = 8;
    private static final Scalar NOISE_MEAN = new Scalar(8, 8, 8);

    private static final Scalar[] PAINTS = {
            new Scalar(235, 235, 235), new Scalar(190, 190, 195), new Scalar(120, 120, 125), new Scalar(30, 30, 32),
            new Scalar(40, 40, 170), new Scalar(150, 70, 30), new Scalar(60, 110, 40), new Scalar(30, 160, 220),
            new Scalar(140, 170, 190), new Scalar(90, 30, 90), new Scalar(60, 60, 60), new Scalar(200, 200, 205)};

    private final Random random;
    private final Layout layout;
    private final Mat background;
    private final Mat scene;
    private final Mat frame;
    private final Mat[] noise = new Mat[NOISE_FRAMES];
    private final boolean[] occupied;
    private final long[] nextChange;
    private final Random[] schedules;
    private final List<Mover> movers = new ArrayList<>();
    private long index = -1;

    /** Something crossing the lot: a car in an aisle or a person crossing the bays. */
    private record Mover(Car car, double x0, double y0, double vx, double vy, long start, long end) {
    }

    public SimulatedLot(long seed) {
        random = new Random(seed);
        layout = buildLayout();
        int spots = layout.size();
        background = paintBackground();
        scene = background.clone();
        frame = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3);
        for (int i = 0; i < NOISE_FRAMES; i++) {
            noise[i] = sensorNoise();
        }
        occupied = new boolean[spots];
        nextChange = new long[spots];
        schedules = new Random[spots];
        for (int i = 0; i < spots; i++) {
            schedules[i] = new Random(spotSeed(seed, i));
            occupied[i] = schedules[i].nextDouble() < 0.6;
            nextChange[i] = stayFrames(schedules[i], occupied[i]) / 2;
            if (occupied[i]) {
                parkCar(i);
            }
        }
    }

    /**
     * A well-mixed seed per spot (SplitMix64's finaliser): java.util.Random seeded with neighbouring numbers gives
     * correlated first draws, which would park every car at one end of the lot.
     */
    private static long spotSeed(long seed, int spot) {
        long z = seed * 0x9E3779B97F4A7C15L + spot;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Layout buildLayout() {
        List<Spot> spots = new ArrayList<>();
        for (int top : ROW_TOPS) {
            for (int bay = 0; bay < BAYS_PER_ROW; bay++) {
                spots.add(Spot.ofBox(spots.size() + 1, new Box(FIRST_BAY_X + bay * BAY_WIDTH, top, BAY_WIDTH, BAY_LENGTH)));
            }
        }
        return new Layout(WIDTH, HEIGHT, spots);
    }

    private Mat paintBackground() {
        Mat asphalt = texture(HEIGHT, WIDTH, 96, 14, 3);
        Mat lot = new Mat();
        Imgproc.cvtColor(asphalt, lot, Imgproc.COLOR_GRAY2BGR);
        asphalt.release();
        Core.add(lot, new Scalar(4, 2, 0), lot);
        Scalar paint = new Scalar(225, 230, 230);
        for (int top : ROW_TOPS) {
            for (int bay = 0; bay <= BAYS_PER_ROW; bay++) {
                int x = FIRST_BAY_X + bay * BAY_WIDTH;
                Imgproc.line(lot, new Point(x, top + 4), new Point(x, top + BAY_LENGTH - 4), paint, 3);
            }
        }
        for (int centre : AISLE_CENTRES) {
            for (int x = 20; x < WIDTH; x += 80) {
                Imgproc.line(lot, new Point(x, centre), new Point(x + 40, centre), new Scalar(60, 200, 230), 2);
            }
        }
        for (int i = 0; i < 30; i++) {
            Spot spot = layout.spots().get(random.nextInt(layout.size()));
            Box b = spot.box();
            Imgproc.ellipse(lot, new Point(b.x() + b.width() * (0.3 + 0.4 * random.nextDouble()),
                            b.y() + b.height() * (0.2 + 0.6 * random.nextDouble())),
                    new Size(4 + random.nextInt(10), 3 + random.nextInt(8)), random.nextInt(180), 0, 360,
                    new Scalar(70, 70, 72), -1, Imgproc.LINE_AA);
        }
        return lot;
    }

    /** Gray texture: blurred noise around a level, seeded through our own generator so runs repeat exactly. */
    private Mat texture(int rows, int cols, int level, int spread, int blur) {
        byte[] values = new byte[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(level + random.nextGaussian() * spread)));
        }
        Mat mat = new Mat(rows, cols, CvType.CV_8UC1);
        mat.put(0, 0, values);
        Imgproc.GaussianBlur(mat, mat, new Size(0, 0), blur / 3.0);
        return mat;
    }

    /** Noise centred on 8, added then taken back as 8 so that it darkens as often as it brightens. */
    private Mat sensorNoise() {
        byte[] values = new byte[WIDTH * HEIGHT * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) Math.max(0, Math.min(16, (int) Math.round(8 + random.nextGaussian() * 2.5)));
        }
        Mat mat = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3);
        mat.put(0, 0, values);
        return mat;
    }

    private long stayFrames(Random schedule, boolean isOccupied) {
        double mean = isOccupied ? MEAN_OCCUPIED_SECONDS : MEAN_FREE_SECONDS;
        double seconds = SHORTEST_STAY_SECONDS - mean * Math.log(1 - schedule.nextDouble());
        return Math.round(seconds * FRAME_RATE);
    }

    private void parkCar(int spotIndex) {
        Box bay = layout.spots().get(spotIndex).box();
        Random look = schedules[spotIndex];
        boolean noseUp = spotIndex / BAYS_PER_ROW % 2 == 0;
        Car car = Car.random(look, PAINTS, BAY_WIDTH, BAY_LENGTH);
        double cx = bay.x() + bay.width() / 2.0 + (look.nextDouble() - 0.5) * 8;
        double cy = bay.y() + bay.height() / 2.0 + (look.nextDouble() - 0.5) * 8;
        car.draw(scene, cx, cy, noseUp ? -90 : 90);
    }

    private void clearBay(int spotIndex) {
        Box bay = layout.spots().get(spotIndex).box();
        Rect rect = new Rect(bay.x(), bay.y(), bay.width(), bay.height());
        Mat from = background.submat(rect);
        Mat to = scene.submat(rect);
        from.copyTo(to);
        from.release();
        to.release();
    }

    private void scheduleMovers() {
        if (random.nextDouble() < 1 / (12 * FRAME_RATE)) {
            boolean rightwards = random.nextBoolean();
            int aisle = AISLE_CENTRES[random.nextInt(AISLE_CENTRES.length)] + (rightwards ? 22 : -22);
            double speed = (3 + random.nextDouble() * 3) * (rightwards ? 1 : -1);
            long frames = Math.round((WIDTH + 200) / Math.abs(speed));
            movers.add(new Mover(Car.random(random, PAINTS, BAY_WIDTH, BAY_LENGTH), rightwards ? -100 : WIDTH + 100,
                    aisle, speed, 0, index, index + frames));
        }
        if (random.nextDouble() < 1 / (20 * FRAME_RATE)) {
            Box bay = layout.spots().get(random.nextInt(layout.size())).box();
            double speed = 1.6 * (random.nextBoolean() ? 1 : -1);
            movers.add(new Mover(Car.pedestrian(random), bay.x() + bay.width() / 2.0, bay.y() + bay.height() / 2.0,
                    speed, 0.3, index, index + Math.round(140 / Math.abs(speed))));
        }
        movers.removeIf(m -> index > m.end);
    }

    @Override
    public synchronized Mat next() {
        index++;
        for (int i = 0; i < occupied.length; i++) {
            if (index == nextChange[i]) {
                occupied[i] = !occupied[i];
                nextChange[i] = index + stayFrames(schedules[i], occupied[i]);
                clearBay(i);
                if (occupied[i]) {
                    parkCar(i);
                }
            }
        }
        double seconds = index / FRAME_RATE;
        double light = 1 + 0.12 * Math.sin(2 * Math.PI * seconds / 240) + 0.04 * Math.sin(2 * Math.PI * seconds / 37);
        scene.convertTo(frame, -1, light, 0);
        scheduleMovers();
        for (Mover m : movers) {
            long t = index - m.start;
            m.car.draw(frame, m.x0 + m.vx * t, m.y0 + m.vy * t, m.vx >= 0 ? 0 : 180);
        }
        Core.add(frame, noise[(int) (index % NOISE_FRAMES)], frame);
        Core.subtract(frame, NOISE_MEAN, frame);
        return frame;
    }

    /** The true state of a spot (index from 0) in the frame last returned. */
    public Occupancy truth(int spotIndex) {
        return occupied[spotIndex] ? Occupancy.OCCUPIED : Occupancy.FREE;
    }

    /** The frame at which a spot (index from 0) next changes state: ground truth about the future. */
    public synchronized long nextChange(int spotIndex) {
        return nextChange[spotIndex];
    }

    /** Index of the frame last returned, from 0. */
    public long frameIndex() {
        return index;
    }

    @Override
    public Optional<Layout> ownLayout() {
        return Optional.of(layout);
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    @Override
    public double frameRate() {
        return FRAME_RATE;
    }

    @Override
    public void close() {
        background.release();
        scene.release();
        frame.release();
        for (Mat m : noise) {
            m.release();
        }
    }
}
