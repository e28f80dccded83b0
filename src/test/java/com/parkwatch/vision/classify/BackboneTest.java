package com.parkwatch.vision.classify;

import com.parkwatch.vision.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackboneTest {

    static {
        OpenCv.load();
    }

    /** The shipped networks are the files of the README's provenance, byte for byte. */
    @Test
    void theShippedNetworksAreTheOnesTheReadmeNames() throws Exception {
        assertEquals("1fc4de9a805c6dd2533c92688215fdfef911f9f40451d1a4e5d9d13b37f919e5", sha256(Backbone.SINGLE_RESOURCE));
        assertEquals("426d554aa12268c7fc759ce216fb809a4a4d9a60315caaf3f66b3743d40eebfd", sha256(Backbone.BATCH_RESOURCE));
    }

    private static String sha256(String resource) throws Exception {
        try (InputStream in = Backbone.class.getResourceAsStream(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    /** A batch gives each crop the features it gets alone, whatever its shape (wide crops are turned upright). */
    @Test
    void aBatchGivesEachCropItsOwnFeatures() {
        List<Mat> crops = new ArrayList<>();
        for (int i = 0; i < Backbone.BATCH + 3; i++) {
            Mat crop = new Mat(40 + i * 3, 90 - i * 2, CvType.CV_8UC3);
            Core.randu(crop, 0, 255);
            crops.add(crop);
        }
        float[][] together = new float[crops.size()][Backbone.FEATURES];
        float[] alone = new float[Backbone.FEATURES];
        try (Backbone backbone = new Backbone()) {
            backbone.embedAll(crops, together);
            for (int i = 0; i < crops.size(); i++) {
                backbone.embed(crops.get(i), alone);
                for (int j = 0; j < Backbone.FEATURES; j++) {
                    assertTrue(Float.isFinite(alone[j]));
                    assertEquals(alone[j], together[i][j], 1e-3 * (1 + Math.abs(alone[j])), "crop " + i + ", feature " + j);
                }
            }
        }
        crops.forEach(Mat::release);
    }

    /** The network sees the crop in grey: a crop and its grey copy give the same features, a camera's tint none. */
    @Test
    void colourDoesNotReachTheNetwork() {
        Mat crop = new Mat(Backbone.SIDE, Backbone.SIDE, CvType.CV_8UC3); // the input size: no resizing to round differently
        Core.randu(crop, 0, 255);
        Mat grey = new Mat();
        Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
        Imgproc.cvtColor(grey, grey, Imgproc.COLOR_GRAY2BGR);
        float[] coloured = new float[Backbone.FEATURES];
        float[] greyed = new float[Backbone.FEATURES];
        try (Backbone backbone = new Backbone()) {
            backbone.embed(crop, coloured);
            backbone.embed(grey, greyed);
        }
        for (int j = 0; j < Backbone.FEATURES; j++) {
            assertEquals(greyed[j], coloured[j], 1e-3 * (1 + Math.abs(greyed[j])), "feature " + j);
        }
        crop.release();
        grey.release();
    }
}
