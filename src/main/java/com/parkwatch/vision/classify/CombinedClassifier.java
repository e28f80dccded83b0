package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;

/**
 * The SVM and the network's head together, the shipped default: the verdict is a weighted mean of their log-odds of
 * a car. On each labelled source left out of training, and on frames made darker or hazier, the pair is ahead of
 * the SVM (docs/accuracy.md): the head carries to lots and light the SVM never saw, the SVM knows the lots it was
 * trained on. Where they disagree the mean lies near 0, so the spot waits for a surer look rather than being shown
 * on one model's word; where both are sure it is decided at once. An operator's correction teaches both. Crops go
 * through the network one by one: the batch network saves no CPU on a 2-core box and costs some 60 MB resident
 * (docs/accuracy.md). Not thread-safe; {@link #close()} frees the network's native buffers.
 */
public final class CombinedClassifier implements SpotClassifier, AutoCloseable {

    /**
     * The SVM's share of the verdict. At an even share the head, sure of a white van's flat roof, showed a taken bay
     * of the tutorial clip free; 0.65 is the least share, in steps of 0.05, at which the clip shows no wrong state.
     * It costs the pair 1.8 points on CNRPark left out of training, and more on frames made much darker.
     */
    static final double SVM_SHARE = 0.65;

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
        return Verdict.ofLogOdds(SVM_SHARE * svm.logOdds(crop) + (1 - SVM_SHARE) * head.logOdds(crop));
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
