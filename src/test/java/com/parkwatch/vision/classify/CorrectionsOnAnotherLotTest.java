package com.parkwatch.vision.classify;

import com.parkwatch.vision.dataset.Evaluation;
import com.parkwatch.vision.dataset.PatchFolders;

import com.parkwatch.SharedData;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's corrections on a lot whose view the model never saw, as the kiosk makes them: a model trained on
 * the tutorial lot alone (for which cross-validation picks its widest kernel), corrected where it is wrong on
 * CNRPark's first day, measured on CNRPark's other day.
 */
class CorrectionsOnAnotherLotTest {

    @Test
    void twentyCorrectionsOnOneDayLiftTheNext() {
        SvmClassifier model = SvmTrainer.train(SvmTrainer.examples(PatchFolders.read(SharedData.require("clf-data"))), 1);
        List<PatchFolders.Patch> cnrpark = PatchFolders.read(SharedData.require("cnrpark-train"));
        List<PatchFolders.Patch> firstDay = cnrpark.stream().filter(p -> takenOn(p, "20150703")).toList();
        List<PatchFolders.Patch> otherDay = cnrpark.stream().filter(p -> takenOn(p, "20150708")).toList();

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
        // Measured 0.7154 -> 0.7828. A reach tied to this model's wide kernel made the other day worse (0.61-0.70).
        assertTrue(after >= before + 0.04, "before " + before + ", after " + after);
    }

    private static boolean takenOn(PatchFolders.Patch p, String day) {
        return p.image().getFileName().toString().startsWith(day + "_");
    }

    private static double accuracy(SvmClassifier model, List<PatchFolders.Patch> patches) {
        Evaluation e = new Evaluation();
        for (PatchFolders.Patch p : patches) {
            Mat crop = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
            e.add(p.label(), model.classify(crop).occupancy());
            crop.release();
        }
        return e.accuracy();
    }
}
