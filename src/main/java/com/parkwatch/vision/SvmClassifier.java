package com.parkwatch.vision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.Occupancy;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.ml.SVM;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An RBF SVM (OpenCV ml) on standardised {@link SpotFeatures}. Label 0 is free, 1 occupied. A model file is gzip'd
 * JSON that holds the feature kind, each feature's mean and scale, and OpenCV's own serialisation of the SVM.
 */
public final class SvmClassifier implements SpotClassifier {

    static {
        OpenCv.load();
    }

    static final int FREE_LABEL = 0;
    static final int OCCUPIED_LABEL = 1;
    private static final String FORMAT = "parkwatch-model";
    private static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record ModelFile(String format, int version, String features, float[] mean, float[] scale, String svm) {
    }

    private final SVM svm;
    private final Standardisation standardisation;
    private final SpotFeatures features = new SpotFeatures();
    private final float[] values = new float[SpotFeatures.LENGTH];
    private final Mat sample = new Mat(1, SpotFeatures.LENGTH, CvType.CV_32F);
    private final RbfDecision decision;

    SvmClassifier(SVM svm, Standardisation standardisation) {
        this.svm = svm;
        this.standardisation = standardisation;
        decision = new RbfDecision(svm);
    }

    @Override
    public Verdict classify(Mat crop) {
        features.extract(crop, values);
        standardisation.apply(values);
        sample.put(0, 0, values);
        // OpenCV's raw two-class output is positive for the first (lower) label, here free.
        double margin = decision.of(sample, values);
        // A margin of 1, the edge of the SVM's margin band, maps to 0.9.
        double confidence = 1 / (1 + Math.exp(-2.2 * Math.abs(margin)));
        return new Verdict(margin > 0 ? Occupancy.FREE : Occupancy.OCCUPIED, confidence);
    }

    /** The parameters cross-validation chose and the size of the model, for the training report. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "C %.3g, gamma %.3g, %d support vectors", svm.getC(), svm.getGamma(),
                svm.getSupportVectors().rows());
    }

    public void save(Path file) throws IOException {
        Path yaml = Files.createTempFile("parkwatch-svm", ".yml");
        try {
            svm.save(yaml.toString());
            ModelFile model = new ModelFile(FORMAT, VERSION, SpotFeatures.KIND, standardisation.mean(),
                    standardisation.scale(), Files.readString(yaml));
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
        if (!FORMAT.equals(model.format()) || model.version() != VERSION || !SpotFeatures.KIND.equals(model.features())
                || model.svm() == null) {
            throw new ModelException("cannot load the model " + file
                    + ": it is a ParkWatch model of another kind; train it again with this version");
        }
        if (model.mean() == null || model.scale() == null || model.mean().length != SpotFeatures.LENGTH
                || model.scale().length != SpotFeatures.LENGTH) {
            throw new ModelException("cannot load the model " + file + ": its feature scaling is missing or of another shape");
        }
        return new SvmClassifier(fromYaml(model.svm(), file), new Standardisation(model.mean(), model.scale()));
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

    private static SVM fromYaml(String yamlText, Path origin) {
        try {
            Path yaml = Files.createTempFile("parkwatch-svm", ".yml");
            try {
                Files.writeString(yaml, yamlText);
                SVM svm = SVM.load(yaml.toString());
                if (svm.empty() || svm.getVarCount() != SpotFeatures.LENGTH || svm.getKernelType() != SVM.RBF) {
                    throw new ModelException("cannot load the model " + origin + ": its SVM is empty or of another shape");
                }
                return svm;
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
