package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;

/**
 * The SVM and the network's head together: the verdict is the mean of their log-odds of a car. On each labelled
 * source left out of training the pair is ahead of either alone (docs/accuracy.md): the two err on partly
 * different crops. Where they disagree the mean lies near 0, so the spot waits for a surer look rather than being
 * shown on one model's word; where both are sure it is decided at once. An operator's correction teaches both. Crops go
 * through the network one by one: the batch network saves no CPU on a 2-core box and costs some 60 MB resident
 * (docs/accuracy.md). Not thread-safe; {@link #close()} frees the network's native buffers.
 */
public final class CombinedClassifier implements SpotClassifier, AutoCloseable {

    private final SvmClassifier svm;
    private final BackboneClassifier head;

    CombinedClassifier(SvmClassifier svm, BackboneClassifier head) {
        this.svm = svm;
        this.head = head;
    }

    /** The shipped SVM with the shipped head ({@code --model svm+backbone}). */
    public static CombinedClassifier loadDefault() {
        return new CombinedClassifier(SvmClassifier.loadDefault(), BackboneClassifier.loadDefault());
    }

    @Override
    public Verdict classify(Mat crop) {
        return Verdict.ofLogOdds(mean(svm.logOdds(crop), head.logOdds(crop)));
    }

    private static double mean(double a, double b) {
        return (a + b) / 2;
    }

    @Override
    public boolean learn(Mat crop, Occupancy truth) {
        svm.learn(crop, truth);
        head.learn(crop, truth);
        return true;
    }

    @Override
    public void close() {
        head.close();
    }
}
