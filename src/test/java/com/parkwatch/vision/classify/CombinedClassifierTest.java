package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.vision.dataset.LabelledCrop;
import com.parkwatch.vision.dataset.SimulatedPatches;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CombinedClassifierTest {

    private static SvmClassifier svm;
    private static BackboneClassifier head;
    private static List<LabelledCrop> crops;

    @BeforeAll
    static void load() {
        svm = SvmClassifier.loadDefault();
        head = BackboneClassifier.loadDefault();
        crops = SimulatedPatches.cut(7, 1).subList(0, 20);
    }

    @AfterAll
    static void release() {
        head.close();
        crops.forEach(c -> c.crop().release());
    }

    /** The log-odds of a car that a verdict stands for. */
    private static double logOdds(Verdict v) {
        double p = v.occupancy() == Occupancy.OCCUPIED ? v.confidence() : 1 - v.confidence();
        return Math.log(p / (1 - p));
    }

    @Test
    void answersTheWeightedMeanOfTheTwoModelsLogOddsAloneAndInABatch() {
        try (CombinedClassifier combined = new CombinedClassifier(SvmClassifier.loadDefault(), BackboneClassifier.loadDefault())) {
            List<Mat> mats = crops.stream().map(LabelledCrop::crop).toList();
            List<Verdict> batch = combined.classifyAll(mats);
            for (int i = 0; i < mats.size(); i++) {
                double expected = 0.65 * logOdds(svm.classify(mats.get(i))) + 0.35 * logOdds(head.classify(mats.get(i)));
                Verdict alone = combined.classify(mats.get(i));
                assertEquals(expected, logOdds(alone), 1e-6);
                assertEquals(alone.occupancy(), batch.get(i).occupancy());
                assertEquals(alone.confidence(), batch.get(i).confidence(), 1e-6);
            }
        }
    }

    @Test
    void aCorrectionTeachesBothModels() {
        try (CombinedClassifier combined = new CombinedClassifier(SvmClassifier.loadDefault(), BackboneClassifier.loadDefault())) {
            Mat crop = crops.get(0).crop();
            Occupancy wrong = combined.classify(crop).occupancy() == Occupancy.FREE ? Occupancy.OCCUPIED : Occupancy.FREE;
            combined.learn(crop, wrong);
            Verdict taught = combined.classify(crop);
            assertEquals(wrong, taught.occupancy());
            // Both parts moved: the SVM's corrected margin (log-odds 2.2) and the head's (3), weighed 0.65 to 0.35.
            assertEquals(0.65 * 2.2 + 0.35 * 3, Math.abs(logOdds(taught)), 0.05);
        }
    }

    @Test
    void theShippedPairIsTheDefaultNamedSvmPlusBackboneAndAnotherOrderIsRefused() {
        SpotClassifier byDefault = ModelFiles.loadDefault();
        assertInstanceOf(CombinedClassifier.class, byDefault);
        ((CombinedClassifier) byDefault).close();
        SpotClassifier pair = ModelFiles.load(Path.of("svm+backbone"));
        assertInstanceOf(CombinedClassifier.class, pair);
        ((CombinedClassifier) pair).close();
        assertThrows(ModelException.class, () -> ModelFiles.load(Path.of("backbone+svm")));
    }
}
