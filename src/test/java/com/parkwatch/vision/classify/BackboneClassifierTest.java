package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.vision.dataset.Evaluation;
import com.parkwatch.vision.dataset.LabelledCrop;
import com.parkwatch.vision.dataset.SimulatedPatches;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackboneClassifierTest {

    @TempDir
    Path dir;

    private static HeadModel head;
    private static BackboneClassifier trained;

    @BeforeAll
    static void trainSmallHead() {
        head = trainOn(SimulatedPatches.cut(1001, 2), 1);
        trained = new BackboneClassifier(head);
    }

    @AfterAll
    static void release() {
        trained.close();
    }

    private static HeadModel trainOn(List<LabelledCrop> crops, long seed) {
        try (Backbone backbone = new Backbone(); SourceEmbedder embedder = new SourceEmbedder(backbone, seed)) {
            for (LabelledCrop c : crops) {
                embedder.add(c.crop(), c.label());
                c.crop().release();
            }
            return HeadTrainer.train(List.of(embedder.finish("sim")), HeadTrainer.L2);
        }
    }

    private static Evaluation evaluate(SpotClassifier classifier, List<LabelledCrop> crops) {
        Evaluation e = new Evaluation();
        for (LabelledCrop c : crops) {
            e.add(c.label(), classifier.classify(c.crop()).occupancy());
        }
        return e;
    }

    private static LabelledCrop firstFree(long seed) {
        return SimulatedPatches.cut(seed, 1).stream().filter(c -> c.label() == Occupancy.FREE).findFirst().orElseThrow();
    }

    @Test
    void learnsTheSimulatedLotAndTellsUnseenSpotsApart() {
        List<LabelledCrop> other = SimulatedPatches.cut(77, 1);
        Evaluation result = evaluate(trained, other);
        assertTrue(result.accuracy() > 0.97, "accuracy on another simulated lot: " + result.accuracy());
        List<Verdict> together = trained.classifyAll(other.stream().map(LabelledCrop::crop).toList());
        for (int i = 0; i < other.size(); i++) {
            Verdict alone = trained.classify(other.get(i).crop());
            assertEquals(alone.occupancy(), together.get(i).occupancy());
            assertEquals(alone.confidence(), together.get(i).confidence(), 1e-4);
            assertTrue(alone.confidence() >= 0.5 && alone.confidence() <= 1);
        }
        other.forEach(c -> c.crop().release());
    }

    @Test
    void learnsACorrectionForItsCameraWhileTheModelFileStaysAsItWas() throws Exception {
        Path file = dir.resolve("model.json");
        head.save(file);
        try (BackboneClassifier camera = BackboneClassifier.load(file)) {
            LabelledCrop free = firstFree(79);
            assertEquals(Occupancy.FREE, camera.classify(free.crop()).occupancy());
            // On this camera's lot such a picture means a car (say, a bay painted like asphalt and a car's roof).
            assertTrue(camera.learn(free.crop(), Occupancy.OCCUPIED));
            Verdict corrected = camera.classify(free.crop());
            assertEquals(Occupancy.OCCUPIED, corrected.occupancy());
            assertTrue(corrected.confidence() > 0.9, "a correction is sure: " + corrected.confidence());
            assertEquals(1, camera.corrections());
            List<LabelledCrop> cars = SimulatedPatches.cut(77, 1).stream().filter(c -> c.label() == Occupancy.OCCUPIED).toList();
            assertTrue(evaluate(camera, cars).accuracy() > 0.97, "cars after the correction");
            try (BackboneClassifier other = BackboneClassifier.load(file)) {
                assertEquals(Occupancy.FREE, other.classify(free.crop()).occupancy(), "other cameras load the model as it was");
            }
            free.crop().release();
            cars.forEach(c -> c.crop().release());
        }
    }

    @Test
    void correctionsKeptInTheirFolderAreTaughtAgainAtTheNextStart() throws Exception {
        Path file = dir.resolve("model.json");
        head.save(file);
        LabelledCrop free = firstFree(80);
        CorrectionFolder folder = new CorrectionFolder(dir.resolve("corrections"));
        try (BackboneClassifier first = BackboneClassifier.load(file)) {
            assertEquals(0, folder.teach(first), "nothing kept yet");
        }
        Path kept = folder.keep(free.crop(), 7, Occupancy.OCCUPIED);
        assertEquals(dir.resolve("corrections/occupied"), kept.getParent());
        try (BackboneClassifier restarted = BackboneClassifier.load(file)) {
            assertEquals(Occupancy.FREE, restarted.classify(free.crop()).occupancy());
            assertEquals(1, folder.teach(restarted));
            assertEquals(Occupancy.OCCUPIED, restarted.classify(free.crop()).occupancy());
        }
        free.crop().release();
    }

    @Test
    void trainingTheSameDataTwiceGivesTheSameFile() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        trainOn(SimulatedPatches.cut(1001, 1), 5).save(a);
        trainOn(SimulatedPatches.cut(1001, 1), 5).save(b);
        assertEquals(-1, Files.mismatch(a, b));
    }

    @Test
    void theShippedHeadLoads() {
        try (BackboneClassifier shipped = BackboneClassifier.loadDefault()) {
            Mat grey = new Mat(60, 30, org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(90, 90, 90));
            assertTrue(shipped.classify(grey).confidence() >= 0.5);
            grey.release();
        }
    }
}
