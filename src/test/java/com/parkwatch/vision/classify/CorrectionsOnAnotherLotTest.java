package com.parkwatch.vision.classify;

import com.parkwatch.vision.dataset.Evaluation;
import com.parkwatch.vision.dataset.LabelledCrop;
import com.parkwatch.vision.dataset.PatchFolders;

import com.parkwatch.SharedData;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's corrections on a lot whose view the model never saw, as the kiosk makes them: a model trained on
 * the tutorial lot alone, corrected where it is wrong on CNRPark's first day, measured on CNRPark's other day (most
 * likely the other camera).
 */
class CorrectionsOnAnotherLotTest {

    /** The SVM (for which cross-validation picks its widest kernel), measured on the whole other day. */
    @Test
    void twentyCorrectionsOnOneDayLiftTheNext() {
        SvmClassifier model = SvmTrainer.train(PatchFolders.read(SharedData.require("clf-data")).stream()
                .map(p -> new LabelledCrop(p.read(), p.label())).toList(), 1);
        double[] beforeAndAfter = correctedOnTheFirstDay(model, 1);
        // Measured 0.7154 -> 0.7828. A reach tied to this model's wide kernel made the other day worse (0.61-0.70).
        assertTrue(beforeAndAfter[1] >= beforeAndAfter[0] + 0.04, "before " + beforeAndAfter[0] + ", after " + beforeAndAfter[1]);
    }

    /** The network's head, trained on every third tutorial crop and measured on every fourth of the other day. */
    @Test
    void twentyCorrectionsLiftTheNetworksHeadToo() {
        try (Backbone backbone = new Backbone(); SourceEmbedder embedder = new SourceEmbedder(backbone, 1)) {
            for (PatchFolders.Patch p : everyNth(PatchFolders.read(SharedData.require("clf-data")), 3)) {
                Mat crop = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
                embedder.add(crop, p.label());
                crop.release();
            }
            try (BackboneClassifier model = new BackboneClassifier(
                    HeadTrainer.train(List.of(embedder.finish("clf-data")), HeadTrainer.L2))) {
                double[] beforeAndAfter = correctedOnTheFirstDay(model, 4);
                // The colour head measured 0.7680 -> 0.7768, less than the SVM learns (docs/accuracy.md); the grey
                // head passes, its figures not taken.
                assertTrue(beforeAndAfter[1] >= beforeAndAfter[0] + 0.005, "before " + beforeAndAfter[0] + ", after " + beforeAndAfter[1]);
            }
        }
    }

    /** The other day's accuracy before and after 20 corrections on the first day. */
    private static double[] correctedOnTheFirstDay(SpotClassifier model, int measureEvery) {
        List<PatchFolders.Patch> cnrpark = PatchFolders.read(SharedData.require("cnrpark-train"));
        List<PatchFolders.Patch> firstDay = cnrpark.stream().filter(p -> takenOn(p, "20150703")).toList();
        List<PatchFolders.Patch> otherDay = everyNth(cnrpark.stream().filter(p -> takenOn(p, "20150708")).toList(), measureEvery);
        double before = accuracy(model, otherDay);
        int made = 0;
        for (PatchFolders.Patch p : firstDay) {
            if (made == 20) {
                break;
            }
            Mat crop = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
            if (model.classify(crop).occupancy() != p.label()) {
                model.learn(crop, p.label());
                made++;
            }
            crop.release();
        }
        assertEquals(20, made);
        return new double[]{before, accuracy(model, otherDay)};
    }

    private static List<PatchFolders.Patch> everyNth(List<PatchFolders.Patch> patches, int n) {
        return IntStream.range(0, patches.size()).filter(i -> i % n == 0).mapToObj(patches::get).toList();
    }

    private static boolean takenOn(PatchFolders.Patch p, String day) {
        return p.image().getFileName().toString().startsWith(day + "_");
    }

    private static double accuracy(SpotClassifier model, List<PatchFolders.Patch> patches) {
        Evaluation e = new Evaluation();
        for (PatchFolders.Patch p : patches) {
            Mat crop = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
            e.add(p.label(), model.classify(crop).occupancy());
            crop.release();
        }
        return e.accuracy();
    }
}
