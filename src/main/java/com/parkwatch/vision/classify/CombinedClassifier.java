package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * The SVM and the network's head together: the verdict is the mean of their log-odds of a car. On the tutorial lot
 * and CNRPark, each left out of training, the pair is ahead of either alone (docs/accuracy.md): the two err on
 * partly different crops. Where they disagree the mean lies near 0, so the spot waits for a surer look rather than being shown on
 * one model's word; where both are sure it is decided at once. An operator's correction teaches both. Not
 * thread-safe; {@link #close()} frees the network's native buffers.
 */
public final class CombinedClassifier implements SpotClassifier, AutoCloseable {

    private final SvmClassifier svm;
    private final BackboneClassifier head;

    CombinedClassifier(SvmClassifier svm, BackboneClassifier head) {
        this.svm = svm;
        this.head = head;
    }

    /** The shipped SVM with the shipped head: ParkWatch's default classifier. */
    public static CombinedClassifier loadDefault() {
        return new CombinedClassifier(SvmClassifier.loadDefault(), BackboneClassifier.loadDefault());
    }

    @Override
    public Verdict classify(Mat crop) {
        return Verdict.ofLogOdds(mean(svm.logOdds(crop), head.logOdds(crop)));
    }

    @Override
    public List<Verdict> classifyAll(List<Mat> crops) {
        double[] heads = head.logOddsAll(crops);
        List<Verdict> verdicts = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            verdicts.add(Verdict.ofLogOdds(mean(svm.logOdds(crops.get(i)), heads[i])));
        }
        return verdicts;
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
