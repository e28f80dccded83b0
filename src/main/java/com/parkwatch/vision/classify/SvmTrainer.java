package com.parkwatch.vision.classify;

import com.parkwatch.vision.dataset.LabelledCrop;
import com.parkwatch.vision.image.OpenCv;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.ml.Ml;
import org.opencv.ml.ParamGrid;
import org.opencv.ml.SVM;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link SvmClassifier}s: an RBF SVM on standardised {@link SpotFeatures} whose C and gamma are chosen by
 * k-fold cross-validation over a logarithmic grid. Seeded, so the same data gives the same model.
 */
public final class SvmTrainer {

    static {
        OpenCv.load();
    }

    private static final int FOLDS = 5;
    private static final double LOWER_RESOLUTION = 2.0 / 3;

    private SvmTrainer() {
    }

    /**
     * The features of each example's crop, in order, twice: as it is and as a camera of two thirds the resolution
     * would see it, so that the model holds across image sizes (a 720p stream of a lot labelled at 1080p). One of
     * the two, drawn at random, is mirrored left to right: the lot seen from the other side is still a lot, and a
     * spot labelled with a building on its right teaches the same spot with the building on its left.
     */
    private static float[][] featureRows(List<LabelledCrop> examples, Random random) {
        float[][] rows = new float[2 * examples.size()][SpotFeatures.LENGTH];
        SpotFeatures features = new SpotFeatures();
        Mat smaller = new Mat();
        Mat mirrored = new Mat();
        for (int i = 0; i < examples.size(); i++) {
            Mat crop = examples.get(i).crop();
            boolean mirrorFull = random.nextBoolean();
            features.extract(mirrorFull ? mirror(crop, mirrored) : crop, rows[2 * i]);
            Imgproc.resize(crop, smaller, new Size(), LOWER_RESOLUTION, LOWER_RESOLUTION, Imgproc.INTER_AREA);
            features.extract(mirrorFull ? smaller : mirror(smaller, mirrored), rows[2 * i + 1]);
        }
        mirrored.release();
        smaller.release();
        features.release();
        return rows;
    }

    private static Mat mirror(Mat crop, Mat out) {
        Core.flip(crop, out, 1);
        return out;
    }

    /** Trains on the examples, releasing their crops. */
    public static SvmClassifier train(List<LabelledCrop> examples, long seed) {
        if (examples.stream().map(LabelledCrop::label).distinct().count() < 2) {
            throw new ModelException("training needs examples of both free and occupied spots");
        }
        List<LabelledCrop> shuffled = new ArrayList<>(examples);
        Random random = new Random(seed);
        Collections.shuffle(shuffled, random);
        float[][] rows = featureRows(shuffled, random);
        Standardisation standardisation = Standardisation.of(rows);
        Mat samples = new Mat(rows.length, SpotFeatures.LENGTH, CvType.CV_32F);
        for (int i = 0; i < rows.length; i++) {
            standardisation.apply(rows[i], rows[i]);
            samples.put(i, 0, rows[i]);
        }
        Mat labels = new Mat(rows.length, 1, CvType.CV_32S);
        int[] values = new int[rows.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = shuffled.get(i / 2).label() == Occupancy.OCCUPIED ? SvmClassifier.OCCUPIED_LABEL : SvmClassifier.FREE_LABEL;
        }
        labels.put(0, 0, values);
        examples.forEach(e -> e.crop().release());

        SVM svm = SVM.create();
        svm.setType(SVM.C_SVC);
        svm.setKernel(SVM.RBF);
        Core.setRNGSeed((int) seed);
        // Standardised features put a useful gamma near 1 / LENGTH. Random folds share near-identical crops of one
        // spot, so cross-validation favours narrow kernels that memorise; the grid stops at 1 / LENGTH, which
        // generalised best to spots and lots never trained on (docs/accuracy.md).
        ParamGrid c = ParamGrid.create(1, 101, 10);
        ParamGrid gamma = ParamGrid.create(0.25 / SpotFeatures.LENGTH, 1.1 / SpotFeatures.LENGTH, 2);
        // Cross-validation is one long job, where OpenCV's worker threads do pay off (see OpenCv).
        Core.setNumThreads(-1);
        boolean trained;
        try {
            trained = svm.trainAuto(samples, Ml.ROW_SAMPLE, labels, FOLDS, c, gamma,
                    SVM.getDefaultGridPtr(SVM.P), SVM.getDefaultGridPtr(SVM.NU), SVM.getDefaultGridPtr(SVM.COEF),
                    SVM.getDefaultGridPtr(SVM.DEGREE), true);
        } finally {
            Core.setNumThreads(1);
        }
        samples.release();
        labels.release();
        if (!trained) {
            throw new ModelException("the SVM did not train on these examples");
        }
        return new SvmClassifier(RbfDecision.of(svm), svm.getC(), standardisation);
    }
}
