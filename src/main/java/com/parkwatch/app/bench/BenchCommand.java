package com.parkwatch.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.parkwatch.app.ModelOption;
import com.parkwatch.app.ProcessUsage;
import com.parkwatch.app.SourceOptions;
import com.parkwatch.app.StepOption;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.publish.LotIdentity;
import com.parkwatch.publish.MqttPublisher;
import com.parkwatch.publish.MqttSettings;
import com.parkwatch.vision.overlay.Annotator;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.track.EngineLoop;
import com.parkwatch.vision.track.OccupancyTracker;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.video.SourceNames;
import com.parkwatch.vision.classify.SpotClassifier;
import com.parkwatch.vision.classify.Verdict;
import com.parkwatch.vision.sim.TiledLot;
import com.parkwatch.vision.track.TrackerSettings;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Measures, in one run and one process, the CPU cost per frame of each way of watching a clip, beside the cost of
 * decoding it, and the analysis time per step for the clip's lot and for a simulated 10,368-spot lot.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure CPU per frame and frames/s: decode only, decode to BGR, the engine with annotation,",
                "analyse only, the kiosk's display path; analysis time per step for the lot and a 10,368-spot lot;",
                "resident memory. After a round not counted, the passes take turns playing the whole clip",
                "(--loop-count rounds)."})
public final class BenchCommand implements Callable<Integer> {

    private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

    /** Steps of the 10,368-spot lot that are timed, after the first, which classifies every spot. */
    private static final int LARGE_LOT_STEPS = 30;

    @Mixin
    SourceOptions source;

    @Mixin
    StepOption step;

    @Mixin
    ModelOption model;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--cameras", paramLabel = "N",
            description = {"Instead of the passes above, N cameras on the same clip at once, as serve without a display"
                    + " watches them (1 to " + CamerasBench.MOST_CAMERAS + "): each engine on its thread, as fast as it goes,"
                    + " beside the decoder alone on N streams; frames/s per camera, CPU per frame and per second of video."})
    Integer cameras;

    @Option(names = "--mqtt", paramLabel = "URI",
            description = "Publish the analyse-only pass's samples to this MQTT broker, as serve does, to measure what it costs.")
    String mqtt;

    record Pass(String name, long frames, double cpuMsPerFrame, double framesPerSecond, double cpuVsDecodeToBgr) {
    }

    record StepTimes(String lot, int spots, int steps, double meanMs, double maxMs, double classifiedPerStep) {
    }

    /** The lot's first sample, which classifies every spot at once; the resident set from before the model loaded. */
    record FirstSample(int spots, double cpuSeconds, double wallSeconds, long residentGrowthKb) {
    }

    record Report(String video, int width, int height, int spots, int step, int loops, String date, String java,
                  int cores, double startupSeconds, FirstSample firstSample, List<Pass> passes, List<StepTimes> analysisPerStep, long residentStartKb,
                  long residentEndKb, long residentPeakKb, long heapUsedEndKb) {
    }

    /** One way of watching the clip; engines keep their state from one play to the next, as on a looped clip. */
    private interface FramePass extends AutoCloseable {
        /** Plays the source through and returns how many frames it saw. */
        long play(FrameSource frames) throws SourceException;

        @Override
        default void close() {
        }
    }

    /** A pass's CPU, wall time and frames, summed over its plays. */
    private static final class Timed {
        long frames;
        long cpuNanos;
        long wallNanos;
    }

    /** The analyse-only pass's samples, as serve's live lot; an MQTT publisher listens with --mqtt. */
    private LiveLot published;
    private SpotClassifier classifier;
    private long classifications;
    private Instant firstAnnotated;
    private TrackerSettings settings;
    private Layout layout;
    private final List<Double> stepMillis = new ArrayList<>();
    private long stepClassifications;
    /** Classifications counted up to the end of the last timed step. */
    private long classifiedAtStep;

    record CamerasReport(String video, int width, int height, double frameRate, int spots, int step, int cameras,
                         int loops, String date, String java, int cores, double loadAverageStart,
                         double loadAverageEnd, List<CamerasBench.CameraPass> passes) {
    }

    @Override
    public Integer call() throws Exception {
        if (cameras != null) {
            return camerasCall();
        }
        settings = step.settings();
        long residentBeforeModel = ProcessUsage.residentKb();
        SpotClassifier loaded = model.load();
        classifier = new SpotClassifier() {
            @Override
            public Verdict classify(Mat crop) {
                classifications++;
                return loaded.classify(crop);
            }

            @Override
            public List<Verdict> classifyAll(List<Mat> crops) {
                classifications += crops.size();
                return loaded.classifyAll(crops);
            }
        };
        long residentStart = ProcessUsage.residentKb();
        int width;
        int height;
        try (FrameSource frames = source.open()) {
            layout = source.layoutFor(frames);
            width = frames.width();
            height = frames.height();
        }
        FirstSample firstSample = firstSample(loaded, residentBeforeModel);
        published = new LiveLot(layout, Clock.systemUTC(), Duration.ofHours(1));
        published.health(SourceHealth.live());
        MqttPublisher publisher = mqtt == null ? null
                : new MqttPublisher(MqttSettings.of(mqtt, null, null), LotIdentity.named("bench"), published)
                        .start(Optional.empty());
        List<String> names = List.of("decode only", "decode to BGR", "engine, annotated", "analyse only",
                "kiosk display path");
        List<Timed> times = names.stream().map(name -> new Timed()).toList();
        try (FramePass decodeOnly = BenchCommand::decodeOnly; FramePass decodeToBgr = BenchCommand::decodeToBgr;
             FramePass annotated = new Engine(false, true); FramePass analysis = new AnalysisOnly();
             FramePass display = new Engine(true, false)) {
            List<FramePass> passes = List.of(decodeOnly, decodeToBgr, annotated, analysis, display);
            // A first round, not counted, warms every pass up: its code compiled, each engine's first step (which
            // classifies every spot) done. It starts with the kiosk's path, whose first frame gives the start-up
            // time. Then the passes take turns, in reverse order every other round: a box that speeds up or slows
            // down during the run then weighs on every pass alike.
            for (int round = 0; round <= source.loopCount(); round++) {
                if (round == 1) {
                    startTimingSteps();
                }
                for (int k = 0; k < passes.size(); k++) {
                    int p = round % 2 == 1 ? k : passes.size() - 1 - k;
                    play(passes.get(p), round == 0 ? new Timed() : times.get(p));
                }
            }
        }
        if (publisher != null) {
            System.out.printf(Locale.ROOT, "MQTT: samples of the analyse-only pass published to %s; %d dropped%n",
                    mqtt, publisher.dropped());
            publisher.close();
        }
        double startup = Duration.between(ProcessUsage.started(), firstAnnotated).toMillis() / 1000.0;
        StepTimes lotSteps = stepTimes("this lot", layout.size());
        List<Pass> passes = new ArrayList<>();
        for (int p = 0; p < names.size(); p++) {
            passes.add(pass(names.get(p), times.get(p), times.get(1)));
        }
        List<StepTimes> perStep = List.of(lotSteps, largeLotSteps());
        Runtime rt = Runtime.getRuntime();
        Report report = new Report(SourceNames.redacted(source.video()), width, height, layout.size(), settings.step(), source.loopCount(),
                Instant.now().toString(), System.getProperty("java.version"), rt.availableProcessors(), startup, firstSample, passes,
                perStep, residentStart, ProcessUsage.residentKb(), ProcessUsage.peakResidentKb(),
                (rt.totalMemory() - rt.freeMemory()) / 1024);
        print(report);
        if (json != null) {
            write(report);
        }
        return 0;
    }

    /** {@code --cameras N}: the cameras' run and its report. */
    private int camerasCall() throws Exception {
        if (cameras < 1 || cameras > CamerasBench.MOST_CAMERAS) {
            throw new IllegalArgumentException("--cameras must be between 1 and " + CamerasBench.MOST_CAMERAS + ", got " + cameras);
        }
        if (mqtt != null) {
            throw new IllegalArgumentException("--mqtt measures the one-camera passes: leave out --cameras");
        }
        TrackerSettings trackerSettings = step.settings();
        Layout lot;
        int width;
        int height;
        double rate;
        try (FrameSource frames = source.open()) {
            lot = source.layoutFor(frames);
            width = frames.width();
            height = frames.height();
            rate = frames.frameRate();
        }
        double loadStart = loadAverage();
        List<CamerasBench.CameraPass> passes;
        try (CamerasBench bench = new CamerasBench(source.video(), lot, rate, cameras, trackerSettings, model::load)) {
            passes = bench.run(source.loopCount());
        }
        Runtime rt = Runtime.getRuntime();
        CamerasReport report = new CamerasReport(SourceNames.redacted(source.video()), width, height, rate, lot.size(),
                trackerSettings.step(), cameras, source.loopCount(), Instant.now().toString(),
                System.getProperty("java.version"), rt.availableProcessors(), loadStart, loadAverage(), passes);
        print(report);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        }
        return 0;
    }

    /** The box's load average over the last minute: other work on a shared box slows every pass. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void print(CamerasReport r) {
        System.out.printf(Locale.ROOT, "bench --cameras %d: %s, %dx%d at %.2f frames/s, %d spots, step %d; each camera played the clip %d time(s) per pass, the passes taking turns, after one play not counted; Java %s, %d cores, load average %.1f at start and %.1f at end, %s%n",
                r.cameras(), r.video(), r.width(), r.height(), r.frameRate(), r.spots(), r.step(), r.loops(), r.java(),
                r.cores(), r.loadAverageStart(), r.loadAverageEnd(), r.date());
        System.out.printf(Locale.ROOT, "%-18s %8s %13s %22s %26s %10s%n", "pass", "frames", "CPU ms/frame",
                "CPU s per s of video", "frames/s per camera", "real time");
        for (CamerasBench.CameraPass p : r.passes()) {
            System.out.printf(Locale.ROOT, "%-18s %8d %13.2f %22.2f %26s %10s%n", p.name(), p.frames(), p.cpuMsPerFrame(),
                    p.cpuSecondsPerSecondOfVideo(), String.format(Locale.ROOT, "%.1f-%.1f", p.slowestFramesPerSecond(),
                            p.fastestFramesPerSecond()), p.keepsRealTime() ? "yes" : "no");
        }
        CamerasBench.CameraPass engines = r.passes().get(0);
        StringBuilder each = new StringBuilder("engine per camera (frames/s, CPU ms/frame of its thread):");
        for (CamerasBench.Camera c : engines.cameras()) {
            each.append(String.format(Locale.ROOT, " %d: %.1f, %.2f;", c.camera(), c.framesPerSecond(), c.cpuMsPerFrame()));
        }
        System.out.println(each.substring(0, each.length() - 1));
        boolean one = r.cameras() == 1;
        System.out.printf(Locale.ROOT, "%d %s at %.2f frames/s %s real time: the engines need %.2f CPU s each second of %d cores (decoding alone %.2f, to BGR %.2f); the slowest camera played %.1f frames/s%n",
                r.cameras(), one ? "camera" : "cameras", r.frameRate(),
                engines.keepsRealTime() ? (one ? "keeps" : "keep") : (one ? "does not keep" : "do not keep"),
                engines.cpuSecondsPerSecondOfVideo(), r.cores(), r.passes().get(1).cpuSecondsPerSecondOfVideo(),
                r.passes().get(2).cpuSecondsPerSecondOfVideo(), engines.slowestFramesPerSecond());
    }

    /**
     * A new tracker's first sample of the clip's first frame, as a lot's engine starts: every spot classified
     * together, timed on this thread, before anything else ran the classifier.
     */
    private FirstSample firstSample(SpotClassifier loaded, long residentBeforeModel) throws SourceException {
        try (FrameSource frames = SourceOptions.open(source.video(), 1);
             OccupancyTracker tracker = new OccupancyTracker(layout, loaded, settings)) {
            Mat frame = frames.next();
            if (frame == null) {
                throw new SourceException("the video has no frame to sample");
            }
            long cpu = THREAD_CPU.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            tracker.accept(frame, 0, 0);
            return new FirstSample(layout.size(), (THREAD_CPU.getCurrentThreadCpuTime() - cpu) / 1e9,
                    (System.nanoTime() - wall) / 1e9, ProcessUsage.residentKb() - residentBeforeModel);
        }
    }

    /** Plays the clip once through the pass, adding its cost to {@code into}. */
    private void play(FramePass pass, Timed into) throws SourceException {
        try (FrameSource frames = SourceOptions.open(source.video(), 1)) {
            long cpu = ProcessUsage.cpuNanos();
            long wall = System.nanoTime();
            into.frames += pass.play(frames);
            into.cpuNanos += ProcessUsage.cpuNanos() - cpu;
            into.wallNanos += System.nanoTime() - wall;
        }
    }

    private static Pass pass(String name, Timed t, Timed decodeToBgr) {
        double cpuPerFrame = t.cpuNanos / 1e6 / Math.max(1, t.frames);
        double base = decodeToBgr.cpuNanos / 1e6 / Math.max(1, decodeToBgr.frames);
        return new Pass(name, t.frames, cpuPerFrame, t.frames / (t.wallNanos / 1e9), cpuPerFrame / base);
    }

    /** Decodes every picture of the clip, without the conversion to BGR: what the decoder alone costs. */
    static long decodeOnly(FrameSource frames) throws SourceException {
        long n = 0;
        while (frames.decodeOnly()) {
            n++;
        }
        return n;
    }

    static long decodeToBgr(FrameSource frames) throws SourceException {
        long n = 0;
        while (frames.next() != null) {
            n++;
        }
        return n;
    }

    /**
     * What {@code analyze --annotate} does: every frame decoded to colour, sampled ones analysed, all drawn on; for
     * the kiosk's engine thread, each frame then converted into the BGRA buffer the screen shows.
     */
    private final class Engine implements FramePass, EngineLoop.SampleListener {
        private final OccupancyTracker tracker = new OccupancyTracker(layout, classifier, settings);
        private final Annotator annotator = new Annotator(layout);
        private final ByteBuffer screenPixels;
        private final Mat screen;
        private final boolean timesSteps;
        private EngineLoop loop;
        private long index;

        Engine(boolean toScreen, boolean timesSteps) {
            this.timesSteps = timesSteps;
            screenPixels = toScreen ? ByteBuffer.allocateDirect(layout.width() * layout.height() * 4) : null;
            screen = toScreen ? new Mat(layout.height(), layout.width(), CvType.CV_8UC4, screenPixels) : null;
        }

        @Override
        public long play(FrameSource frames) throws SourceException {
            loop = new EngineLoop(frames, tracker, this, EngineLoop.Pace.AS_FAST_AS_DECODED);
            classifiedAtStep = classifications;
            long played = runLoop(loop, index);
            index += played;
            return played;
        }

        @Override
        public void sampled(LotSnapshot snapshot, Mat frame) {
            // The first step classifies every spot: not a step like the others.
            if (timesSteps && snapshot.frame() > 0) {
                timedStep(loop.lastStepNanos());
            }
            annotator.show(LotView.of(snapshot));
        }

        @Override
        public void frame(Mat frame, long index) {
            // Other passes classify between this pass's frames: count from here.
            classifiedAtStep = classifications;
            annotator.draw(frame);
            if (firstAnnotated == null) {
                firstAnnotated = Instant.now();
            }
            if (screen != null) {
                Imgproc.cvtColor(frame, screen, Imgproc.COLOR_BGR2BGRA);
            }
        }

        @Override
        public void close() {
            tracker.close();
            annotator.close();
            if (screen != null) {
                screen.release();
            }
            // The Mat does not keep the buffer alive: without this the collector may free it under the Mat.
            Reference.reachabilityFence(screenPixels);
        }
    }

    /** What {@code analyze} does with no output to draw: only sampled frames are converted to colour. */
    private final class AnalysisOnly implements FramePass, EngineLoop.SampleListener {
        private final OccupancyTracker tracker = new OccupancyTracker(layout, classifier, settings);
        private long index;

        @Override
        public long play(FrameSource frames) throws SourceException {
            long played = runLoop(new EngineLoop(frames, tracker, this, EngineLoop.Pace.AS_FAST_AS_DECODED), index);
            index += played;
            return played;
        }

        @Override
        public void sampled(LotSnapshot snapshot, Mat frame) {
            published.publish(snapshot);
        }

        @Override
        public boolean looksAtEveryFrame() {
            return false;
        }

        @Override
        public void close() {
            tracker.close();
        }
    }

    /** Runs the loop to the end of its source; an interruption stops the benchmark. */
    static long runLoop(EngineLoop loop, long first) throws SourceException {
        try {
            return loop.run(first, Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("the benchmark was stopped");
        }
    }

    private void timedStep(long nanos) {
        stepMillis.add(nanos / 1e6);
        stepClassifications += classifications - classifiedAtStep;
        classifiedAtStep = classifications;
    }

    private void startTimingSteps() {
        stepMillis.clear();
        stepClassifications = 0;
        classifiedAtStep = classifications;
    }

    private StepTimes stepTimes(String lot, int spots) {
        double max = stepMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double mean = stepMillis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new StepTimes(lot, spots, stepMillis.size(), mean, max,
                stepClassifications / (double) Math.max(1, stepMillis.size()));
    }

    private StepTimes largeLotSteps() {
        startTimingSteps();
        try (TiledLot lot = new TiledLot(1);
             OccupancyTracker tracker = new OccupancyTracker(lot.layout(), classifier, settings)) {
            for (int s = 0; s <= LARGE_LOT_STEPS; s++) {
                long index = (long) s * settings.step();
                Mat frame = lot.advance(settings.step());
                classifiedAtStep = classifications;
                long started = System.nanoTime();
                tracker.accept(frame, index, index / SimulatedLot.FRAME_RATE);
                if (s > 0) {
                    timedStep(System.nanoTime() - started);
                }
            }
            return stepTimes("simulated 4K lot", lot.layout().size());
        }
    }

    private static void print(Report r) {
        System.out.printf(Locale.ROOT, "bench: %s, %dx%d, %d spots, step %d; each pass played the clip %d time(s), taking turns, after one play not counted; Java %s, %d cores, %s%n",
                r.video(), r.width(), r.height(), r.spots(), r.step(), r.loops(), r.java(), r.cores(), r.date());
        System.out.printf(Locale.ROOT, "%-22s %8s %14s %10s %22s%n", "pass", "frames", "CPU ms/frame", "frames/s",
                "CPU / decode to BGR");
        for (Pass p : r.passes()) {
            System.out.printf(Locale.ROOT, "%-22s %8d %14.2f %10.1f %22.2f%n", p.name(), p.frames(), p.cpuMsPerFrame(),
                    p.framesPerSecond(), p.cpuVsDecodeToBgr());
        }
        for (StepTimes s : r.analysisPerStep()) {
            System.out.printf(Locale.ROOT,
                    "analysis per step, %s (%d spots): mean %.2f ms, longest %.2f ms, %d steps, %.1f spots classified per step%n",
                    s.lot(), s.spots(), s.meanMs(), s.maxMs(), s.steps(), s.classifiedPerStep());
        }
        FirstSample first = r.firstSample();
        System.out.printf(Locale.ROOT,
                "first sample (all %d spots classified): %.2f s of CPU on the engine's thread, %.2f s wall; resident set %+.1f MB from before the model loaded%n",
                first.spots(), first.cpuSeconds(), first.wallSeconds(), first.residentGrowthKb() / 1024.0);
        System.out.printf(Locale.ROOT, "start-up: first annotated frame %.2f s after the process started%n", r.startupSeconds());
        System.out.printf(Locale.ROOT, "resident set: %.1f MB at start, %.1f MB at end, %.1f MB peak; heap in use %.1f MB%n",
                r.residentStartKb() / 1024.0, r.residentEndKb() / 1024.0, r.residentPeakKb() / 1024.0,
                r.heapUsedEndKb() / 1024.0);
    }

    private void write(Report report) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
    }
}
