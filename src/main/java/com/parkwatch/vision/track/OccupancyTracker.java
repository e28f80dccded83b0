package com.parkwatch.vision.track;

import com.parkwatch.vision.align.CameraFollower;
import com.parkwatch.vision.align.CameraMove;
import com.parkwatch.vision.align.ReferenceStill;
import com.parkwatch.vision.classify.SpotClassifier;
import com.parkwatch.vision.classify.Verdict;
import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.image.SpotCropper;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotStatus;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tutorial's algorithm, made steadier. Every {@code step} frames it measures each spot (see {@link SpotSignals}:
 * on a reduced grey picture) and re-classifies the spots whose mean changed by more than a share of the step's
 * largest change and an absolute floor, after taking away the change of the whole lot (light). It also
 * re-classifies spots whose pixels moved since the step before, or drifted from those of their last
 * classification, by more than a limit, or, when the whole lot moves (a swaying camera), by more than a multiple
 * of the lot's median; and spots whose state is not yet settled (see {@link SpotTrack#needsAnotherLook()}) unless
 * their pixels are those of the last look but for noise, when the last verdict counts again. The first sampled
 * frame classifies every spot. When the camera is knocked, the spots follow the picture ({@link CameraFollower}) and
 * every state is held at that sample: the spots' pixels changed because the picture moved, not because cars did.
 */
public final class OccupancyTracker implements AutoCloseable {

    static {
        OpenCv.load();
    }

    private final Layout layout;
    private final SpotClassifier classifier;
    private final TrackerSettings settings;
    private final CameraFollower camera;
    /** Measures the spots where they are now: made again when the camera moved. */
    private SpotSignals signals;
    private final SpotTrack[] tracks;
    private final double[] previousMeans;
    private final double[] deltas;
    private final GreyLevelMedian median = new GreyLevelMedian();
    /** The spots classified at this sample, the first {@code classifying} of them, and their crops. */
    private final int[] toClassify;
    private int classifying;
    private final List<Mat> cropsToClassify = new ArrayList<>();
    /** Views of the spots in the frame buffer the source hands over, remade only if the source changes buffers. */
    private SpotCropper cropper;
    private boolean first = true;
    private LotSnapshot latest;

    /** @param layout fitted to the frames this tracker will see */
    public OccupancyTracker(Layout layout, SpotClassifier classifier, TrackerSettings settings) {
        this(layout, classifier, settings, null);
    }

    /**
     * @param layout fitted to the frames this tracker will see
     * @param still  the picture the layout was drawn on, kept beside it (see {@link CameraFollower}); null for none
     */
    public OccupancyTracker(Layout layout, SpotClassifier classifier, TrackerSettings settings, ReferenceStill still) {
        this.layout = layout;
        this.classifier = classifier;
        this.settings = settings;
        camera = new CameraFollower(layout, still);
        signals = new SpotSignals(layout);
        int n = layout.size();
        tracks = new SpotTrack[n];
        for (int i = 0; i < n; i++) {
            tracks[i] = new SpotTrack(layout.spots().get(i), settings.sureConfidence());
        }
        previousMeans = new double[n];
        toClassify = new int[n];
        deltas = new double[n];
        latest = snapshot(-1, 0);
    }

    /**
     * Feeds one frame (BGR, at the layout's size).
     *
     * @return the lot's state when this frame was a sampled one
     */
    public Optional<LotSnapshot> accept(Mat frame, long index, double time) {
        if (!samples(index)) {
            return Optional.empty();
        }
        CameraFollower.Look look = camera.look(frame, index, time);
        if (look != CameraFollower.Look.STEADY) {
            if (look == CameraFollower.Look.MOVED) {
                follow(frame);
            }
            latest = snapshot(index, time);
            return Optional.of(latest);
        }
        SpotCropper crops = cropperFor(frame);
        signals.measure(frame);
        for (int i = 0; i < tracks.length; i++) {
            deltas[i] = signals.mean(i) - previousMeans[i];
        }
        // The whole lot brightening or darkening is light, not cars.
        double light = first ? 0 : median.of(deltas);
        double largest = 0;
        for (double delta : deltas) {
            largest = Math.max(largest, Math.abs(delta - light));
        }
        double threshold = Math.max(settings.changeRatio() * largest, settings.changeFloor());
        double driftLimit = Math.max(settings.textureLimit(), settings.lotRatio() * median.of(signals.drifts()));
        double moveLimit = Math.max(settings.textureLimit(), settings.lotRatio() * median.of(signals.moves()));
        classifying = 0;
        cropsToClassify.clear();
        for (int i = 0; i < tracks.length; i++) {
            SpotTrack track = tracks[i];
            boolean changed = !first && (Math.abs(deltas[i] - light) > threshold || signals.move(i) > moveLimit);
            double drift = first ? Double.MAX_VALUE : signals.drift(i);
            if (changed || drift > driftLimit || (track.needsAnotherLook() && drift > settings.stillLimit())) {
                toClassify[classifying++] = i;
                cropsToClassify.add(crops.crop(i));
                signals.keep(i);
            } else if (track.needsAnotherLook()) {
                track.observe(track.lastVerdict(), time);
            }
            previousMeans[i] = signals.mean(i);
        }
        // Together: the first sample classifies every spot, which a network does faster in batches.
        List<Verdict> verdicts = classifier.classifyAll(cropsToClassify);
        for (int k = 0; k < classifying; k++) {
            tracks[toClassify[k]].observe(verdicts.get(k), time);
        }
        first = false;
        latest = snapshot(index, time);
        return Optional.of(latest);
    }

    /**
     * An operator's correction of one spot, seen on this frame (BGR, at the layout's size): the classifier learns
     * the spot's crop, which {@code keep} may store first, and the spot takes the right state at once.
     *
     * @return false if the classifier cannot learn
     */
    public boolean correct(int spot, Occupancy truth, Mat frame, double time, Consumer<Mat> keep) {
        Mat crop = cropperFor(frame).crop(spot);
        keep.accept(crop);
        if (!classifier.learn(crop, truth)) {
            return false;
        }
        tracks[spot].observe(new Verdict(truth, 1.0), time);
        latest = snapshot(latest.frame(), time);
        return true;
    }

    /**
     * Measures the spots where the camera moved them, without classifying: the state each spot had holds. A spot
     * whose mean is that of the sample before, where it was then, keeps these pixels as those its next change is
     * measured from; one whose mean changed across the move (a car came or went as the camera moved) keeps none,
     * so that its drift has it classified at the next sample.
     */
    private void follow(Mat frame) {
        signals.release();
        signals = new SpotSignals(camera.layout());
        if (cropper != null) {
            cropper.release();
            cropper = null;
        }
        signals.measure(frame);
        for (int i = 0; i < tracks.length; i++) {
            deltas[i] = signals.mean(i) - previousMeans[i];
        }
        double light = median.of(deltas);
        for (int i = 0; i < tracks.length; i++) {
            previousMeans[i] = signals.mean(i);
            if (Math.abs(deltas[i] - light) <= settings.changeFloor()) {
                signals.keep(i);
            }
        }
    }

    private SpotCropper cropperFor(Mat frame) {
        if (cropper == null || !cropper.views(frame)) {
            if (cropper != null) {
                cropper.release();
            }
            cropper = new SpotCropper(camera.layout(), frame);
        }
        return cropper;
    }

    /** The camera's latest move: followed, or lost; empty while it never moved. */
    public Optional<CameraMove> cameraMove() {
        return camera.latest();
    }

    /** Whether the camera moved too far to follow: the states are held and are not the lot's. */
    public boolean cameraLost() {
        return camera.lost();
    }

    /** Whether the frame of this index is a sampled one; the others need no pixels unless someone shows them. */
    public boolean samples(long index) {
        return index % settings.step() == 0;
    }

    private LotSnapshot snapshot(long index, double time) {
        List<SpotStatus> statuses = new ArrayList<>(tracks.length);
        for (SpotTrack t : tracks) {
            statuses.add(t.status());
        }
        return new LotSnapshot(index, time, statuses);
    }

    /** The state after the last sampled frame; every spot unknown before the first. */
    public LotSnapshot latest() {
        return latest;
    }

    public Layout layout() {
        return layout;
    }

    /** Where the spots are now: the layout moved with the camera as far as it was followed. */
    public Layout followedLayout() {
        return camera.layout();
    }

    @Override
    public void close() {
        if (cropper != null) {
            cropper.release();
        }
        signals.release();
        camera.close();
    }
}
