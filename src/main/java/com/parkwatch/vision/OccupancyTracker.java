package com.parkwatch.vision;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LotSnapshot;
import com.parkwatch.lot.SpotStatus;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tutorial's algorithm, made steadier. Every {@code step} frames it takes each spot's mean intensity and its
 * difference from the previous sampled frame, and re-classifies the spots whose difference exceeds a share of the
 * step's largest difference and an absolute floor. It also re-classifies spots whose pixels moved away from those
 * of their last classification (changes the mean alone misses), and spots whose state is not yet settled (see
 * {@link SpotTrack#needsAnotherLook()}) unless their pixels are those of the last look but for noise, when the
 * last verdict counts again. The first sampled frame classifies every spot.
 */
public final class OccupancyTracker implements AutoCloseable {

    static {
        OpenCv.load();
    }

    private final Layout layout;
    private final SpotClassifier classifier;
    private final TrackerSettings settings;
    private final Mat sampled;
    /** Each spot's pixels as they were when it was last classified. */
    private final Mat reference;
    private final Mat difference = new Mat();
    private final SpotCropper cropper;
    private final SpotCropper referenceCropper;
    private final SpotTrack[] tracks;
    private double[] means;
    private double[] previousMeans;
    private boolean first = true;
    private LotSnapshot latest;

    /** @param layout fitted to the frames this tracker will see */
    public OccupancyTracker(Layout layout, SpotClassifier classifier, TrackerSettings settings) {
        this.layout = layout;
        this.classifier = classifier;
        this.settings = settings;
        sampled = new Mat(layout.height(), layout.width(), CvType.CV_8UC3);
        reference = new Mat(layout.height(), layout.width(), CvType.CV_8UC3);
        cropper = new SpotCropper(layout, sampled);
        referenceCropper = new SpotCropper(layout, reference);
        int n = layout.size();
        tracks = new SpotTrack[n];
        for (int i = 0; i < n; i++) {
            tracks[i] = new SpotTrack(layout.spots().get(i), settings.sureConfidence());
        }
        means = new double[n];
        previousMeans = new double[n];
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
        frame.copyTo(sampled);
        double[] swap = previousMeans;
        previousMeans = means;
        means = swap;
        double largest = 0;
        for (int i = 0; i < tracks.length; i++) {
            means[i] = meanOf(Core.mean(cropper.box(i)));
            largest = Math.max(largest, Math.abs(means[i] - previousMeans[i]));
        }
        double threshold = Math.max(settings.changeRatio() * largest, settings.changeFloor());
        for (int i = 0; i < tracks.length; i++) {
            SpotTrack track = tracks[i];
            boolean changed = !first && Math.abs(means[i] - previousMeans[i]) > threshold;
            double drift = first ? Double.MAX_VALUE : driftSinceClassified(i);
            if (changed || drift > settings.textureLimit()
                    || (track.needsAnotherLook() && drift > settings.stillLimit())) {
                track.observe(classifier.classify(cropper.crop(i)), time);
                cropper.box(i).copyTo(referenceCropper.box(i));
            } else if (track.needsAnotherLook()) {
                track.observe(track.lastVerdict(), time);
            }
        }
        first = false;
        latest = snapshot(index, time);
        return Optional.of(latest);
    }

    /** Whether the frame of this index is a sampled one; the others need no pixels unless someone shows them. */
    public boolean samples(long index) {
        return index % settings.step() == 0;
    }

    /** How far, in grey levels on average, a spot's pixels are from those it was last classified on. */
    private double driftSinceClassified(int spot) {
        Core.absdiff(cropper.box(spot), referenceCropper.box(spot), difference);
        return meanOf(Core.mean(difference));
    }

    private static double meanOf(org.opencv.core.Scalar bgr) {
        return (bgr.val[0] + bgr.val[1] + bgr.val[2]) / 3;
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

    @Override
    public void close() {
        cropper.release();
        referenceCropper.release();
        sampled.release();
        reference.release();
        difference.release();
    }
}
