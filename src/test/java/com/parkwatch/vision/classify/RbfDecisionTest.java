package com.parkwatch.vision.classify;

import com.parkwatch.vision.image.OpenCv;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.ml.Ml;
import org.opencv.ml.SVM;
import org.opencv.ml.StatModel;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RbfDecisionTest {

    static {
        OpenCv.load();
    }

    @Test
    void givesOpenCvsOwnRawOutput() {
        Random random = new Random(3);
        int features = 40;
        Mat samples = new Mat(200, features, CvType.CV_32F);
        Mat labels = new Mat(200, 1, CvType.CV_32S);
        float[] row = new float[features];
        for (int i = 0; i < 200; i++) {
            int label = i % 2;
            for (int j = 0; j < features; j++) {
                row[j] = (float) (random.nextGaussian() + (j < 5 ? label * 1.5 : 0));
            }
            samples.put(i, 0, row);
            labels.put(i, 0, label);
        }
        SVM svm = SVM.create();
        svm.setKernel(SVM.RBF);
        svm.setC(10);
        svm.setGamma(0.05);
        svm.train(samples, Ml.ROW_SAMPLE, labels);
        RbfDecision decision = RbfDecision.of(svm);

        Mat sample = new Mat(1, features, CvType.CV_32F);
        Mat answer = new Mat();
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < features; j++) {
                row[j] = (float) (random.nextGaussian() * 1.3);
            }
            sample.put(0, 0, row);
            svm.predict(sample, answer, StatModel.RAW_OUTPUT);
            assertEquals(answer.get(0, 0)[0], decision.of(sample, row), 1e-4);
        }
    }
}
