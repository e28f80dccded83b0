package com.parkwatch.vision.classify;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.Random;

/**
 * Shows a training crop in other light: a random gamma (dusk, glare), contrast (overcast, haze) and brightness,
 * the same for every pixel, as another hour or day of the same camera would. The three labelled sources were each
 * filmed in a few hours of one kind of weather; without this a model learns their light along with their cars
 * (the SVM never trained on PKLot fell from 0.96 to 0.27 on its frames made darker; docs/accuracy.md).
 * Seeded by the caller's {@link Random}; reuses its table; not thread-safe.
 */
public final class LightJitter {

    /** Gamma exponents from 1/2.2 (brighter) to 2.2 (darker), even on a log scale. */
    private static final double LOG_GAMMA = Math.log(2.2);
    private static final double LEAST_CONTRAST = 0.45;
    private static final double MOST_CONTRAST = 1.15;
    private static final double BRIGHTNESS = 35;

    private final Random random;
    private final Mat table = new Mat(1, 256, CvType.CV_8U);
    private final byte[] values = new byte[256];

    public LightJitter(Random random) {
        this.random = random;
    }

    /** Writes the crop, in light drawn at random, into {@code out} (which may be the crop itself). */
    public Mat apply(Mat crop, Mat out) {
        double gamma = Math.exp((2 * random.nextDouble() - 1) * LOG_GAMMA);
        double contrast = LEAST_CONTRAST + random.nextDouble() * (MOST_CONTRAST - LEAST_CONTRAST);
        double brightness = (2 * random.nextDouble() - 1) * BRIGHTNESS;
        for (int v = 0; v < 256; v++) {
            double lit = 255 * Math.pow(v / 255.0, gamma);
            double shown = (lit - 128) * contrast + 128 + brightness;
            values[v] = (byte) Math.max(0, Math.min(255, Math.round(shown)));
        }
        table.put(0, 0, values);
        Core.LUT(crop, table, out);
        return out;
    }

    public void release() {
        table.release();
    }
}
