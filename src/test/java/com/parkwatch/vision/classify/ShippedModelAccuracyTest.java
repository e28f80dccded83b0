package com.parkwatch.vision.classify;

import com.parkwatch.vision.dataset.Evaluation;
import com.parkwatch.vision.dataset.PatchFolders;
import com.parkwatch.vision.dataset.PklotFrames;

import com.parkwatch.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped models (the SVM, the network's head and the two together, the default) on the held-out parts of the
 * real sets that their training left out (the globs of docs/accuracy.md, which the README's training commands pass
 * as --held-out), and on one of them made darker.
 */
class ShippedModelAccuracyTest {

    private static SvmClassifier model;
    private static BackboneClassifier head;
    private static CombinedClassifier pair;

    @BeforeAll
    static void load() {
        model = SvmClassifier.loadDefault();
        head = BackboneClassifier.loadDefault();
        pair = ModelFiles.loadDefault();
    }

    @AfterAll
    static void release() {
        head.close();
        pair.close();
    }

    private static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    }

    private static Evaluation patches(String set, String heldOut) {
        return patches(model, set, heldOut, 1);
    }

    /** @param every measure every n-th selected patch (the network is slower than the SVM) */
    private static Evaluation patches(SpotClassifier classifier, String set, String heldOut, int every) {
        PathMatcher selected = glob(heldOut);
        Evaluation e = new Evaluation();
        int seen = 0;
        for (PatchFolders.Patch p : PatchFolders.read(SharedData.require(set))) {
            if (selected.matches(p.image().toAbsolutePath().normalize()) && seen++ % every == 0) {
                Mat image = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
                e.add(p.label(), classifier.classify(image).occupancy());
                image.release();
            }
        }
        return e;
    }

    @Test
    void tutorialLotSpotsNeverTrainedOn() {
        Evaluation e = patches("clf-data", "**/clf-data/*/*_*[05].jpg");
        assertEquals(1230, e.count());
        // The target; the shipped model gets 0.9951 (6 misses, docs/accuracy.md).
        assertTrue(e.accuracy() >= 0.995, "accuracy " + e.accuracy());
        assertTrue(e.recallFree() >= 0.98 && e.recallOccupied() >= 0.99, e.recallFree() + " / " + e.recallOccupied());
    }

    @Test
    void cnrparkImagesNeverTrainedOn() {
        Evaluation e = patches("cnrpark-train", "**/cnrpark-train/*/*_??[03]0_*.jpg");
        assertEquals(1880, e.count());
        assertTrue(e.accuracy() >= 0.98, "accuracy " + e.accuracy());
        assertTrue(e.recallFree() >= 0.98 && e.recallOccupied() >= 0.98, e.recallFree() + " / " + e.recallOccupied());
    }

    private static Evaluation pklotDayThree(SpotClassifier classifier) {
        return pklotDayThree(classifier, UnaryOperator.identity());
    }

    /** @param light what the day's light does to each space's crop (in place) */
    private static Evaluation pklotDayThree(SpotClassifier classifier, UnaryOperator<Mat> light) {
        PathMatcher selected = glob("**/pklot-ufpr05/sequence3/**");
        Evaluation e = new Evaluation();
        for (PklotFrames.Frame f : PklotFrames.find(SharedData.require("pklot-ufpr05"),
                image -> selected.matches(image.toAbsolutePath().normalize()))) {
            PklotFrames.eachSpace(f, (crop, label) -> e.add(label, classifier.classify(light.apply(crop)).occupancy()));
        }
        assertEquals(200, e.count());
        return e;
    }

    @Test
    void pklotFramesOfADayNeverTrainedOn() {
        Evaluation e = pklotDayThree(model);
        assertTrue(e.accuracy() >= 0.95, "accuracy " + e.accuracy());
    }

    /** The shipped head's figures (docs/accuracy.md); the guard is a point and a half below each. */
    private static final double HEAD_TUTORIAL = 0.9870;
    private static final double HEAD_CNRPARK = 0.9335;
    private static final double HEAD_PKLOT = 0.95;
    private static final double HEAD_GUARD = 0.015;

    @Test
    void theNetworksHeadOnWhatItsTrainingLeftOut() {
        Evaluation tutorial = patches(head, "clf-data", "**/clf-data/*/*_*[05].jpg", 1);
        assertTrue(tutorial.accuracy() >= HEAD_TUTORIAL - HEAD_GUARD, "tutorial spots: " + tutorial.accuracy());
        Evaluation cnrpark = patches(head, "cnrpark-train", "**/cnrpark-train/*/*_??[03]0_*.jpg", 2);
        assertEquals(940, cnrpark.count());
        assertTrue(cnrpark.accuracy() >= HEAD_CNRPARK - HEAD_GUARD, "CNRPark: " + cnrpark.accuracy());
        Evaluation pklot = pklotDayThree(head);
        assertTrue(pklot.accuracy() >= HEAD_PKLOT - HEAD_GUARD, "PKLot: " + pklot.accuracy());
    }

    /** The shipped pair's figures (docs/accuracy.md): within a point of the SVM's on splits of the lots it knows. */
    @Test
    void theShippedPairOnWhatItsTrainingLeftOut() {
        Evaluation tutorial = patches(pair, "clf-data", "**/clf-data/*/*_*[05].jpg", 1);
        assertTrue(tutorial.accuracy() >= 0.99, "tutorial spots: " + tutorial.accuracy());
        Evaluation cnrpark = patches(pair, "cnrpark-train", "**/cnrpark-train/*/*_??[03]0_*.jpg", 2);
        assertTrue(cnrpark.accuracy() >= 0.99, "CNRPark: " + cnrpark.accuracy());
        Evaluation pklot = pklotDayThree(pair);
        assertTrue(pklot.accuracy() >= 0.965, "PKLot: " + pklot.accuracy());
    }

    /**
     * PKLot's day never trained on, made darker (each grey level v to 255 (v / 255)^1.8, a dark overcast day or
     * dusk): the SVM, which learnt three sources' few hours of light, falls to 0.785; the pair, whose head was
     * trained on crops in jittered light, holds (docs/accuracy.md).
     */
    @Test
    void theShippedPairHoldsInDarkerLight() {
        Mat table = new Mat(1, 256, CvType.CV_8U);
        for (int v = 0; v < 256; v++) {
            table.put(0, v, Math.round(255 * Math.pow(v / 255.0, 1.8)));
        }
        UnaryOperator<Mat> darker = crop -> {
            Core.LUT(crop, table, crop);
            return crop;
        };
        Evaluation svm = pklotDayThree(model, darker);
        Evaluation shipped = pklotDayThree(pair, darker);
        table.release();
        // Measured: the SVM 0.785, the pair 0.975.
        assertTrue(shipped.accuracy() >= 0.95, "pair " + shipped.accuracy() + ", SVM " + svm.accuracy());
    }
}
