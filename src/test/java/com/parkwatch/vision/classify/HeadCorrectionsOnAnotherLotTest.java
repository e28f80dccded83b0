package com.parkwatch.vision.classify;

import com.parkwatch.vision.dataset.Evaluation;
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
 * An operator's corrections on a lot whose view the head never saw, as the kiosk makes them: a head trained on
 * the tutorial lot alone (every third crop, to keep the test short), corrected where it is wrong on CNRPark's
 * first day, measured on every fourth crop of CNRPark's other day (most likely the other camera).
 */
class HeadCorrectionsOnAnotherLotTest {

    @Test
    void twentyCorrectionsOnOneDayLiftTheNext() {
        List<PatchFolders.Patch> tutorial = everyNth(PatchFolders.read(SharedData.require("clf-data")), 3);
        List<PatchFolders.Patch> cnrpark = PatchFolders.read(SharedData.require("cnrpark-train"));
        List<PatchFolders.Patch> firstDay = cnrpark.stream().filter(p -> takenOn(p, "20150703")).toList();
        List<PatchFolders.Patch> otherDay = everyNth(cnrpark.stream().filter(p -> takenOn(p, "20150708")).toList(), 4);
        try (Backbone backbone = new Backbone()) {
            SourceEmbedder embedder = new SourceEmbedder(backbone, 1);
            for (PatchFolders.Patch p : tutorial) {
                Mat crop = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
                embedder.add(crop, p.label());
                crop.release();
            }
            BackboneClassifier model = new BackboneClassifier(HeadTrainer.train(List.of(embedder.finish("clf-data")),
                    HeadTrainer.L2));
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
            double after = accuracy(model, otherDay);
            // Measured BEFORE -> AFTER (docs/accuracy.md).
            assertTrue(after >= before + 0.04, "before " + before + ", after " + after);
            model.close();
        }
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
