package com.parkwatch.vision.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained head on disk: plain JSON (a few hundred numbers, readable and diffable) naming the backbone it belongs
 * to, each feature's mean and scale, the weights, the bias, the calibration and the penalty. Numbers a head cannot
 * work with (a wrong count, zero or non-finite scales, weights that are all zero or not finite) are refused at load.
 */
final class HeadFile {

    private static final String FORMAT = "parkwatch-head";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Stored(String format, int version, String backbone, double l2, double calibration, double bias,
                          float[] mean, float[] scale, double[] weights) {
    }

    private HeadFile() {
    }

    static void save(HeadModel head, Path file) throws IOException {
        Stored stored = new Stored(FORMAT, VERSION, head.backbone(), head.l2(), head.calibration(), head.bias(),
                head.standardisation().mean(), head.standardisation().scale(), head.weights());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(stored) + "\n", StandardCharsets.UTF_8);
    }

    /** @param name the model's name in messages */
    static HeadModel read(InputStream in, String name) {
        Stored s;
        try {
            s = JSON.readValue(in, Stored.class);
        } catch (JsonProcessingException e) {
            throw new ModelException("cannot load the model " + name + ": it is not a ParkWatch model file");
        } catch (IOException e) {
            throw new ModelException("cannot load the model " + name + ": " + e.getMessage());
        }
        if (s == null || !FORMAT.equals(s.format()) || s.version() != VERSION || !Backbone.KIND.equals(s.backbone())) {
            throw new ModelException("cannot load the model " + name
                    + ": it is a ParkWatch model of another kind; train it again with this version");
        }
        int n = Backbone.FEATURES;
        if (s.mean() == null || s.scale() == null || s.weights() == null || s.mean().length != n
                || s.scale().length != n || s.weights().length != n) {
            throw new ModelException("cannot load the model " + name + ": it does not hold " + n
                    + " means, scales and weights, one per feature of the image network");
        }
        boolean anyWeight = false;
        for (int j = 0; j < n; j++) {
            if (!Float.isFinite(s.mean()[j]) || !Float.isFinite(s.scale()[j]) || !(s.scale()[j] > 0)
                    || !Double.isFinite(s.weights()[j])) {
                throw new ModelException("cannot load the model " + name
                        + ": its feature " + j + " has a zero, negative or non-finite scale or a non-finite mean or weight");
            }
            anyWeight |= s.weights()[j] != 0;
        }
        if (!anyWeight || !Double.isFinite(s.bias()) || !(s.calibration() > 0) || !Double.isFinite(s.calibration())) {
            throw new ModelException("cannot load the model " + name
                    + ": its weights are all zero, its bias is not finite or its calibration is not a positive number");
        }
        return new HeadModel(s.backbone(), new Standardisation(s.mean(), s.scale()), s.weights(), s.bias(),
                s.calibration(), s.l2());
    }

    static HeadModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ModelException("cannot load the model " + file + ": it cannot be read (" + e.getMessage() + ")");
        }
    }
}
