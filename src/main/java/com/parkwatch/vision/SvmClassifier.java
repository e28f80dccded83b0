package com.parkwatch.vision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.Occupancy;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.ml.SVM;
import org.opencv.ml.StatModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An SVM (OpenCV ml) on {@link PixelFeatures}. Label 0 is free, 1 occupied. A model file is gzip'd JSON that holds
 * the feature kind and OpenCV's own serialisation of the SVM.
 */
public final class SvmClassifier implements SpotClassifier {

    static {
        OpenCv.load();
    }

    static final int FREE_LABEL = 0;
    static final int OCCUPIED_LABEL = 1;
    private static final String FORMAT = "parkwatch-model";
    private static final String FEATURES = "bgr-pixels-15x15";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record ModelFile(String format, int version, String features, String svm) {
    }

    private final SVM svm;
    private final PixelFeatures features = new PixelFeatures();
    private final Mat sample = new Mat(1, PixelFeatures.LENGTH, CvType.CV_32F);
    private final Mat answer = new Mat();
    private final float[] margins = new float[1];

    SvmClassifier(SVM svm) {
        this.svm = svm;
    }

    @Override
    public Verdict classify(Mat crop) {
        features.extract(crop, sample, 0);
        // OpenCV's raw two-class output is positive for the first (lower) label, here free.
        svm.predict(sample, answer, StatModel.RAW_OUTPUT);
        answer.get(0, 0, margins);
        double margin = margins[0];
        // A margin of 1, the edge of the SVM's margin band, maps to 0.9.
        double confidence = 1 / (1 + Math.exp(-2.2 * Math.abs(margin)));
        return new Verdict(margin > 0 ? Occupancy.FREE : Occupancy.OCCUPIED, confidence);
    }

    public void save(Path file) throws IOException {
        Path yaml = Files.createTempFile("parkwatch-svm", ".yml");
        try {
            svm.save(yaml.toString());
            ModelFile model = new ModelFile(FORMAT, 1, FEATURES, Files.readString(yaml));
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                JSON.writeValue(out, model);
            }
        } finally {
            Files.deleteIfExists(yaml);
        }
    }

    /** Loads a model; a file that is not one gets a {@link ModelException} in one sentence. */
    public static SvmClassifier load(Path file) {
        ModelFile model;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            model = JSON.readValue(in, ModelFile.class);
        } catch (IOException e) {
            throw new ModelException("cannot load the model " + file + ": it is not a ParkWatch model file");
        }
        if (!FORMAT.equals(model.format()) || !FEATURES.equals(model.features()) || model.svm() == null) {
            throw new ModelException("cannot load the model " + file + ": it is not a ParkWatch SVM model of a known kind");
        }
        return fromYaml(model.svm(), file);
    }

    /** Loads the model shipped inside the application. */
    public static SvmClassifier loadDefault() {
        try (InputStream in = SvmClassifier.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new ModelException("the default model is missing from this build");
            }
            Path copy = Files.createTempFile("parkwatch-model", ".pwm");
            try {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return load(copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new ModelException("cannot read the default model: " + e.getMessage());
        }
    }

    public static final String DEFAULT_MODEL_RESOURCE = "/models/default.pwm";

    private static SvmClassifier fromYaml(String yamlText, Path origin) {
        try {
            Path yaml = Files.createTempFile("parkwatch-svm", ".yml");
            try {
                Files.writeString(yaml, yamlText);
                SVM svm = SVM.load(yaml.toString());
                if (svm.empty() || svm.getVarCount() != PixelFeatures.LENGTH) {
                    throw new ModelException("cannot load the model " + origin + ": its SVM is empty or of another shape");
                }
                return new SvmClassifier(svm);
            } finally {
                Files.deleteIfExists(yaml);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelException m) {
                throw m;
            }
            throw new ModelException("cannot load the model " + origin + ": its SVM does not parse");
        }
    }
}
