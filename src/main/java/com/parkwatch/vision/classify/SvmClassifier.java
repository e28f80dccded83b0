package com.parkwatch.vision.classify;

import com.parkwatch.vision.image.OpenCv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.Occupancy;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An RBF SVM (trained with OpenCV ml) on standardised {@link SpotFeatures}. Label 0 is free, 1 occupied. A model
 * file is gzip'd JSON that holds the feature kind, each feature's mean and scale, and the SVM's decision function:
 * gamma, rho, the support vectors' weights and the support vectors themselves as raw floats.
 */
public final class SvmClassifier implements SpotClassifier {

    static {
        OpenCv.load();
    }

    static final int FREE_LABEL = 0;
    static final int OCCUPIED_LABEL = 1;
    private static final String FORMAT = "parkwatch-model";
    private static final int VERSION = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The support vectors are little-endian 32-bit floats, one vector after the other (base64 in the JSON). */
    private record ModelFile(String format, int version, String features, float[] mean, float[] scale, double c,
                             double gamma, double rho, double[] weights, byte[] supportVectors) {
    }

    private final RbfDecision decision;
    private final double c;
    private final Standardisation standardisation;
    private final Corrections corrections;
    private final SpotFeatures features = new SpotFeatures();
    private final float[] values = new float[SpotFeatures.LENGTH];
    private final float[] ownValues = new float[SpotFeatures.LENGTH];
    private final Mat sample = new Mat(1, SpotFeatures.LENGTH, CvType.CV_32F);
    private final Mat mirrored = new Mat();

    /** @param c the SVM's cost parameter, kept for {@link #describe()} */
    SvmClassifier(RbfDecision decision, double c, Standardisation standardisation) {
        this.decision = decision;
        this.c = c;
        this.standardisation = standardisation;
        corrections = new Corrections(SpotFeatures.LENGTH, 1);
    }

    /** A margin of 1, the edge of the SVM's margin band, maps to a probability of 0.9. */
    private static final double LOG_ODDS_PER_MARGIN = 2.2;

    @Override
    public Verdict classify(Mat crop) {
        return Verdict.ofLogOdds(logOdds(crop));
    }

    /** The log-odds that a car stands there, the operator's corrections included. */
    double logOdds(Mat crop) {
        // OpenCV's raw two-class output is positive for the first (lower) label, here free.
        return -LOG_ODDS_PER_MARGIN * (baseMargin(crop) + corrections.margin(values));
    }

    /**
     * The model's own decision value for a crop; inside the SVM's margin band (below 1 either way), where the model
     * is unsure, averaged with that for the crop's mirror image: the lot seen from the other side is the same lot,
     * and the average holds where one side is odd (a roof, a kerb) that the training data saw only on the other.
     * Outside the band the mirror changed no answer on any of the shared sets (docs/accuracy.md) and would double
     * the cost. Leaves the crop's own standardised features in {@code values}.
     */
    private double baseMargin(Mat crop) {
        double own = decisionOf(crop);
        if (Math.abs(own) >= 1) {
            return own;
        }
        System.arraycopy(values, 0, ownValues, 0, values.length);
        Core.flip(crop, mirrored, 1);
        double mirror = decisionOf(mirrored);
        System.arraycopy(ownValues, 0, values, 0, values.length);
        return (own + mirror) / 2;
    }

    private double decisionOf(Mat crop) {
        features.extract(crop, values);
        standardisation.apply(values, values);
        sample.put(0, 0, values);
        return decision.of(sample, values);
    }

    @Override
    public boolean learn(Mat crop, Occupancy truth) {
        if (truth == Occupancy.UNKNOWN) {
            throw new IllegalArgumentException("a correction says free or occupied");
        }
        double margin = baseMargin(crop);
        corrections.add(values, truth == Occupancy.FREE, margin);
        return true;
    }

    /** How many corrections this classifier has learnt. */
    public int corrections() {
        return corrections.size();
    }

    /** The parameters cross-validation chose and the size of the model, for the training report. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "C %.3g, gamma %.3g, %d support vectors", c, decision.gamma(),
                decision.weights().length);
    }

    public void save(Path file) throws IOException {
        float[] vectors = decision.supportVectors();
        ByteBuffer bytes = ByteBuffer.allocate(vectors.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vectors);
        ModelFile model = new ModelFile(FORMAT, VERSION, SpotFeatures.KIND, standardisation.mean(),
                standardisation.scale(), c, decision.gamma(), decision.rho(), decision.weights(), bytes.array());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            JSON.writeValue(out, model);
        }
    }

    /** Loads a model; a file that is not one gets a {@link ModelException} in one sentence. */
    public static SvmClassifier load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ModelException("cannot load the model " + file + ": it is not a ParkWatch model file");
        }
    }

    /** @param file the model's name in messages */
    private static SvmClassifier read(InputStream stored, String file) {
        ModelFile model;
        try (InputStream in = new GZIPInputStream(stored)) {
            model = JSON.readValue(in, ModelFile.class);
        } catch (IOException e) {
            throw new ModelException("cannot load the model " + file + ": it is not a ParkWatch model file");
        }
        if (!FORMAT.equals(model.format()) || model.version() != VERSION || !SpotFeatures.KIND.equals(model.features())) {
            throw new ModelException("cannot load the model " + file
                    + ": it is a ParkWatch model of another kind; train it again with this version");
        }
        if (model.mean() == null || model.scale() == null || model.mean().length != SpotFeatures.LENGTH
                || model.scale().length != SpotFeatures.LENGTH) {
            throw new ModelException("cannot load the model " + file + ": its feature scaling is missing or of another shape");
        }
        if (model.weights() == null || model.supportVectors() == null
                || model.supportVectors().length != model.weights().length * SpotFeatures.LENGTH * Float.BYTES
                || !(model.gamma() > 0) || model.weights().length == 0) {
            throw new ModelException("cannot load the model " + file + ": its support vectors are missing or of another shape");
        }
        float[] vectors = new float[model.weights().length * SpotFeatures.LENGTH];
        ByteBuffer.wrap(model.supportVectors()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vectors);
        RbfDecision decision = new RbfDecision(vectors, SpotFeatures.LENGTH, model.weights(), model.rho(), model.gamma());
        return new SvmClassifier(decision, model.c(), new Standardisation(model.mean(), model.scale()));
    }

    /** Loads the model shipped inside the application. */
    public static SvmClassifier loadDefault() {
        try (InputStream in = SvmClassifier.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new ModelException("the default model is missing from this build");
            }
            return read(in, "shipped with ParkWatch");
        } catch (IOException e) {
            throw new ModelException("cannot read the default model: " + e.getMessage());
        }
    }

    public static final String DEFAULT_MODEL_RESOURCE = "/models/default.pwm";
}
