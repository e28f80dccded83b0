package com.parkwatch.vision.classify;

import com.parkwatch.vision.dataset.Evaluation;
import com.parkwatch.vision.dataset.LabelledCrop;
import com.parkwatch.vision.dataset.SimulatedPatches;

import com.parkwatch.lot.Occupancy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvmClassifierTest {

    @TempDir
    Path dir;

    private static SvmClassifier trained;

    @BeforeAll
    static void trainSmallModel() {
        trained = SvmTrainer.train(SimulatedPatches.cut(1001, 4), 1);
    }

    private static Evaluation evaluate(SpotClassifier classifier, List<LabelledCrop> examples) {
        Evaluation e = new Evaluation();
        for (LabelledCrop x : examples) {
            e.add(x.label(), classifier.classify(x.crop()).occupancy());
            x.crop().release();
        }
        return e;
    }

    @Test
    void learnsTheSimulatedLotAndTellsUnseenSpotsApart() {
        Evaluation result = evaluate(trained, SimulatedPatches.cut(77, 3));
        assertTrue(result.accuracy() > 0.97, "accuracy on another simulated lot: " + result.accuracy());
        assertTrue(result.count(Occupancy.FREE, Occupancy.FREE) > 0 && result.count(Occupancy.OCCUPIED, Occupancy.OCCUPIED) > 0);
    }

    /** Where the model is unsure of both (inside its margin band), they get the very same answer. */
    @Test
    void aSpotAndItsMirrorImageGetTheSameAnswer() {
        Mat mirrored = new Mat();
        int unsure = 0;
        for (LabelledCrop x : SimulatedPatches.cut(79, 1)) {
            Core.flip(x.crop(), mirrored, 1);
            Verdict seen = trained.classify(x.crop());
            Verdict mirror = trained.classify(mirrored);
            assertEquals(seen.occupancy(), mirror.occupancy());
            if (seen.confidence() < 0.9 && mirror.confidence() < 0.9) {
                unsure++;
                assertEquals(seen.confidence(), mirror.confidence(), 1e-9);
            }
            x.crop().release();
        }
        mirrored.release();
        assertTrue(unsure > 0, "some crops the model is unsure of");
    }

    @Test
    void aSavedModelLoadsBackWithTheSameAnswers() throws Exception {
        Path file = dir.resolve("model.pwm");
        trained.save(file);
        SvmClassifier loaded = SvmClassifier.load(file);
        for (LabelledCrop x : SimulatedPatches.cut(78, 1)) {
            Verdict a = trained.classify(x.crop());
            Verdict b = loaded.classify(x.crop());
            assertEquals(a.occupancy(), b.occupancy());
            assertEquals(a.confidence(), b.confidence(), 1e-6);
            assertTrue(a.confidence() >= 0.5 && a.confidence() <= 1);
            x.crop().release();
        }
    }

    @Test
    void learnsACorrectionForItsCameraWhileTheModelFileStaysAsItWas() throws Exception {
        Path file = dir.resolve("model.pwm");
        trained.save(file);
        SvmClassifier camera = SvmClassifier.load(file);
        LabelledCrop free = SimulatedPatches.cut(79, 1).stream()
                .filter(x -> x.label() == Occupancy.FREE).findFirst().orElseThrow();
        assertEquals(Occupancy.FREE, camera.classify(free.crop()).occupancy());
        // On this camera's lot such a picture means a car (say, a bay painted like asphalt and a car's roof).
        assertTrue(camera.learn(free.crop(), Occupancy.OCCUPIED));
        assertEquals(Occupancy.OCCUPIED, camera.classify(free.crop()).occupancy());
        assertEquals(1, camera.corrections());
        Evaluation cars = evaluate(camera, SimulatedPatches.cut(77, 3).stream()
                .filter(x -> x.label() == Occupancy.OCCUPIED).toList());
        assertTrue(cars.accuracy() > 0.97, "cars after the correction: " + cars.accuracy());
        assertEquals(Occupancy.FREE, SvmClassifier.load(file).classify(free.crop()).occupancy(),
                "other cameras load the model as it was");
        free.crop().release();
    }

    @Test
    void correctionsKeptInTheirFolderAreTaughtAgainAtTheNextStart() throws Exception {
        Path file = dir.resolve("model.pwm");
        trained.save(file);
        LabelledCrop free = SimulatedPatches.cut(80, 1).stream()
                .filter(x -> x.label() == Occupancy.FREE).findFirst().orElseThrow();
        CorrectionFolder folder = new CorrectionFolder(dir.resolve("corrections"));
        assertEquals(0, folder.teach(SvmClassifier.load(file)), "nothing kept yet");
        Path kept = folder.keep(free.crop(), 7, Occupancy.OCCUPIED);
        assertEquals(dir.resolve("corrections/occupied"), kept.getParent());

        SvmClassifier restarted = SvmClassifier.load(file);
        assertEquals(Occupancy.FREE, restarted.classify(free.crop()).occupancy());
        assertEquals(1, folder.teach(restarted));
        assertEquals(Occupancy.OCCUPIED, restarted.classify(free.crop()).occupancy());
        free.crop().release();
    }

    @Test
    void trainingTheSameDataTwiceGivesTheSameModel() throws Exception {
        Path a = dir.resolve("a.pwm");
        Path b = dir.resolve("b.pwm");
        SvmTrainer.train(SimulatedPatches.cut(1001, 2), 5).save(a);
        SvmTrainer.train(SimulatedPatches.cut(1001, 2), 5).save(b);
        assertEquals(-1, Files.mismatch(a, b));
    }

    @Test
    void refusesFilesThatAreNotModels() throws Exception {
        Path text = Files.writeString(dir.resolve("model.pwm"), "not a model");
        assertTrue(assertThrows(ModelException.class, () -> SvmClassifier.load(text)).getMessage()
                .contains("not a ParkWatch model"));
        assertThrows(ModelException.class, () -> SvmClassifier.load(dir.resolve("missing.pwm")));
    }

    @Test
    void refusesTrainingOnOneClass() {
        List<LabelledCrop> onlyFree = SimulatedPatches.cut(1001, 1).stream()
                .filter(x -> x.label() == Occupancy.FREE).toList();
        assertThrows(ModelException.class, () -> SvmTrainer.train(onlyFree, 1));
    }
}
