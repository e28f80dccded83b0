package com.parkwatch.vision.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static HeadModel head() {
        float[] mean = new float[Backbone.FEATURES];
        float[] scale = new float[Backbone.FEATURES];
        double[] weights = new double[Backbone.FEATURES];
        Arrays.fill(scale, 0.5f);
        for (int j = 0; j < weights.length; j++) {
            mean[j] = j / 10f;
            weights[j] = Math.sin(j);
        }
        return new HeadModel(Backbone.KIND, new Standardisation(mean, scale), weights, -0.25, 0.8, 0.01);
    }

    @Test
    void aSavedHeadLoadsBackTheSame() throws Exception {
        Path file = dir.resolve("head.json");
        head().save(file);
        HeadModel loaded = HeadFile.load(file);
        assertArrayEquals(head().weights(), loaded.weights());
        assertArrayEquals(head().standardisation().scale(), loaded.standardisation().scale());
        assertEquals(-0.25, loaded.bias());
        assertEquals(0.8, loaded.calibration());
    }

    private String refusal(Consumer<ObjectNode> spoil) throws Exception {
        Path file = dir.resolve("head.json");
        head().save(file);
        ObjectNode stored = (ObjectNode) JSON.readTree(file.toFile());
        spoil.accept(stored);
        Files.writeString(file, stored.toString());
        return assertThrows(ModelException.class, () -> HeadFile.load(file)).getMessage();
    }

    @Test
    void refusesDegenerateNumbersInOneSentence() throws Exception {
        assertTrue(refusal(s -> ((ArrayNode) s.get("scale")).set(3, 0.0)).contains("feature 3 has a zero"));
        assertTrue(refusal(s -> ((ArrayNode) s.get("mean")).set(5, "NaN")).contains("feature 5"));
        assertTrue(refusal(s -> ((ArrayNode) s.get("weights")).set(7, Double.POSITIVE_INFINITY)).contains("feature 7"));
        assertTrue(refusal(s -> ((ArrayNode) s.get("weights")).remove(0)).contains("does not hold 384"));
        assertTrue(refusal(s -> {
            ArrayNode weights = (ArrayNode) s.get("weights");
            for (int j = 0; j < weights.size(); j++) {
                weights.set(j, 0.0);
            }
        }).contains("weights are all zero"));
        assertTrue(refusal(s -> s.put("calibration", 0.0)).contains("calibration"));
        assertTrue(refusal(s -> s.put("backbone", "resnet")).contains("of another kind"));
    }

    @Test
    void refusesFilesThatAreNotModels() throws Exception {
        Path text = Files.writeString(dir.resolve("model.json"), "not a model");
        String message = assertThrows(ModelException.class, () -> HeadFile.load(text)).getMessage();
        assertTrue(message.contains("not a ParkWatch model"), message);
        assertThrows(ModelException.class, () -> HeadFile.load(dir.resolve("missing.json")));
    }
}
