package com.parkwatch.app.bench;

import com.parkwatch.app.ProcessUsage;
import com.parkwatch.app.SourceOptions;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.vision.classify.SpotClassifier;
import com.parkwatch.vision.track.EngineLoop;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.SourceException;
import org.opencv.core.Mat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Several cameras in one process, as a {@code serve} without a display watches them: each camera's engine on its
 * own thread with its own source, tracker and classifier (classifiers are not thread-safe), only sampled frames
 * looked at, every stream played as fast as it goes; beside it the decoder alone on the same streams, decoding
 * every picture in full, with and without the conversion to BGR. The passes take turns as in the one-camera bench.
 */
final class CamerasBench implements AutoCloseable {

    /** At most this many cameras: the box runs one engine thread per camera. */
    static final int MOST_CAMERAS = 16;

    record Camera(int camera, long frames, double framesPerSecond, double cpuMsPerFrame) {
    }

    /**
     * One pass over all cameras at once. CPU is the whole process's over the pass (decoders, collector, compiler);
     * {@code cpuSecondsPerSecondOfVideo} is what the cameras would need at the clip's rate, all together.
     */
    record CameraPass(String name, long frames, double cpuMsPerFrame, double cpuSecondsPerSecondOfVideo,
                      double slowestFramesPerSecond, double fastestFramesPerSecond, boolean keepsRealTime,
                      List<Camera> cameras) {
    }

    /** How a pass plays one camera's clip once; returns the frames played. */
    private interface CameraPlay {
        long play(int camera, FrameSource frames) throws SourceException;
    }

    /** A pass's frames, CPU and wall time, per camera and for the process, summed over its plays. */
    private static final class Timed {
        final long[] frames;
        final long[] threadCpuNanos;
        final long[] wallNanos;
        long processCpuNanos;

        Timed(int cameras) {
            frames = new long[cameras];
            threadCpuNanos = new long[cameras];
            wallNanos = new long[cameras];
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String video;
    private final double frameRate;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final List<Engine> engines = new ArrayList<>();
    private final ExecutorService threads;

    CamerasBench(String video, Layout layout, double frameRate, int cameras, TrackerSettings settings,
                 Supplier<SpotClassifier> classifiers) {
        if (cameras < 1 || cameras > MOST_CAMERAS) {
            throw new IllegalArgumentException("--cameras must be between 1 and " + MOST_CAMERAS + ", got " + cameras);
        }
        this.video = video;
        this.frameRate = frameRate;
        for (int c = 0; c < cameras; c++) {
            engines.add(new Engine(layout, settings, classifiers.get()));
        }
        threads = Executors.newFixedThreadPool(cameras, work -> {
            Thread thread = new Thread(work, "bench-camera");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A first round not counted, then {@code rounds} in which the passes take turns, in reverse every other round. */
    List<CameraPass> run(int rounds) throws SourceException, InterruptedException {
        List<String> names = List.of("engine, headless", "decode only", "decode to BGR");
        List<CameraPlay> plays = List.of((c, frames) -> engines.get(c).play(frames),
                (c, frames) -> BenchCommand.decodeOnly(frames), (c, frames) -> BenchCommand.decodeToBgr(frames));
        List<Timed> times = new ArrayList<>();
        for (int p = 0; p < plays.size(); p++) {
            times.add(new Timed(engines.size()));
        }
        for (int round = 0; round <= rounds; round++) {
            for (int k = 0; k < plays.size(); k++) {
                int p = round % 2 == 1 ? k : plays.size() - 1 - k;
                playAll(plays.get(p), round == 0 ? new Timed(engines.size()) : times.get(p));
            }
        }
        List<CameraPass> passes = new ArrayList<>();
        for (int p = 0; p < plays.size(); p++) {
            passes.add(pass(names.get(p), times.get(p)));
        }
        return passes;
    }

    /** Every camera plays the clip once through the pass, all at once, each on its thread. */
    private void playAll(CameraPlay play, Timed into) throws SourceException, InterruptedException {
        long cpu = ProcessUsage.cpuNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < engines.size(); c++) {
            int camera = c;
            running.add(threads.submit(() -> {
                try (FrameSource frames = SourceOptions.open(video, 1)) {
                    long threadCpu = THREADS.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    into.frames[camera] += play.play(camera, frames);
                    into.threadCpuNanos[camera] += THREADS.getCurrentThreadCpuTime() - threadCpu;
                    into.wallNanos[camera] += System.nanoTime() - wall;
                }
                return null;
            }));
        }
        for (Future<?> camera : running) {
            try {
                camera.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof SourceException failed) {
                    throw failed;
                }
                throw new IllegalStateException("a camera of the benchmark failed: " + e.getCause(), e.getCause());
            }
        }
        into.processCpuNanos += ProcessUsage.cpuNanos() - cpu;
    }

    private CameraPass pass(String name, Timed t) {
        List<Camera> cameras = new ArrayList<>();
        long frames = 0;
        double slowest = Double.MAX_VALUE;
        double fastest = 0;
        for (int c = 0; c < engines.size(); c++) {
            double framesPerSecond = t.frames[c] / (t.wallNanos[c] / 1e9);
            cameras.add(new Camera(c + 1, t.frames[c], framesPerSecond, t.threadCpuNanos[c] / 1e6 / Math.max(1, t.frames[c])));
            frames += t.frames[c];
            slowest = Math.min(slowest, framesPerSecond);
            fastest = Math.max(fastest, framesPerSecond);
        }
        double cpuMsPerFrame = t.processCpuNanos / 1e6 / Math.max(1, frames);
        double cpuPerSecond = cpuMsPerFrame / 1000 * frameRate * engines.size();
        return new CameraPass(name, frames, cpuMsPerFrame, cpuPerSecond, slowest, fastest,
                slowest >= frameRate && cpuPerSecond <= cores, cameras);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        engines.forEach(Engine::close);
    }

    /**
     * One camera's engine as {@code serve} runs it without a display: sampled frames to its live lot and copied for
     * the web's picture; the frames between them skipped. It keeps its state from play to play, as on a looped clip.
     */
    private static final class Engine implements EngineLoop.SampleListener, AutoCloseable {
        private final OccupancyTracker tracker;
        private final LiveLot lot;
        private final Mat picture = new Mat();
        private long index;

        Engine(Layout layout, TrackerSettings settings, SpotClassifier classifier) {
            tracker = new OccupancyTracker(layout, classifier, settings);
            lot = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
            lot.health(SourceHealth.live());
        }

        long play(FrameSource frames) throws SourceException {
            long played = BenchCommand.runLoop(new EngineLoop(frames, tracker, this, EngineLoop.Pace.AS_FAST_AS_DECODED), index);
            index += played;
            return played;
        }

        @Override
        public void sampled(LotSnapshot snapshot, Mat frame) {
            lot.publish(snapshot);
            frame.copyTo(picture);
        }

        @Override
        public boolean looksAtEveryFrame() {
            return false;
        }

        @Override
        public void close() {
            tracker.close();
            picture.release();
        }
    }
}
