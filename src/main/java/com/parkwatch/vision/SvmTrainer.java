package com.parkwatch.vision;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.ml.Ml;
import org.opencv.ml.ParamGrid;
import org.opencv.ml.SVM;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link SvmClassifier}s: an RBF SVM whose C and gamma are chosen by k-fold cross-validation over a
 * logarithmic grid. Seeded, so the same data gives the same model.
 */
public final class SvmTrainer {

    static {
        OpenCv.load();
    }

    /** An 8-bit BGR crop with its label; the trainer releases the crops it is given. */
    public record Example(Mat crop, Occupancy label) {
    }

    private static final int FOLDS = 5;

    private SvmTrainer() {
    }

    /** Reads patch images into examples; images that do not decode are refused with their name. */
    public static List<Example> examples(List<PatchFolders.Patch> patches) {
        List<Example> examples = new ArrayList<>(patches.size());
        for (PatchFolders.Patch p : patches) {
            Mat image = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
            if (image.empty()) {
                throw new ModelException("cannot read the patch " + p.image() + ": it is not an image");
            }
            examples.add(new Example(image, p.label()));
        }
        return examples;
    }

    /** Feature rows (N x 675, CV_32F) of crops, in order. */
    static Mat featureRows(List<Mat> crops) {
        Mat rows = new Mat(crops.size(), PixelFeatures.LENGTH, CvType.CV_32F);
        PixelFeatures features = new PixelFeatures();
        for (int i = 0; i < crops.size(); i++) {
            features.extract(crops.get(i), rows, i);
        }
        features.release();
        return rows;
    }

    public static SvmClassifier train(List<Example> examples, long seed) {
        if (examples.stream().map(Example::label).distinct().count() < 2) {
            throw new ModelException("training needs examples of both free and occupied spots");
        }
        List<Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        Mat samples = featureRows(shuffled.stream().map(Example::crop).toList());
        Mat labels = new Mat(shuffled.size(), 1, CvType.CV_32S);
        int[] values = new int[shuffled.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = shuffled.get(i).label() == Occupancy.OCCUPIED ? SvmClassifier.OCCUPIED_LABEL : SvmClassifier.FREE_LABEL;
        }
        labels.put(0, 0, values);
        examples.forEach(e -> e.crop().release());

        SVM svm = SVM.create();
        svm.setType(SVM.C_SVC);
        svm.setKernel(SVM.RBF);
        Core.setRNGSeed((int) seed);
        ParamGrid c = ParamGrid.create(0.1, 1001, 10);
        ParamGrid gamma = ParamGrid.create(0.0001, 1.1, 10);
        boolean trained = svm.trainAuto(samples, Ml.ROW_SAMPLE, labels, FOLDS, c, gamma,
                SVM.getDefaultGridPtr(SVM.P), SVM.getDefaultGridPtr(SVM.NU), SVM.getDefaultGridPtr(SVM.COEF),
                SVM.getDefaultGridPtr(SVM.DEGREE), true);
        samples.release();
        labels.release();
        if (!trained) {
            throw new ModelException("the SVM did not train on these examples");
        }
        return new SvmClassifier(svm);
    }
}
