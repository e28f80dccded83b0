package com.parkwatch.vision.classify;

import com.parkwatch.vision.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LightJitterTest {

    static {
        OpenCv.load();
    }

    private static Mat ramp() {
        Mat ramp = new Mat(1, 256, CvType.CV_8UC3);
        for (int v = 0; v < 256; v++) {
            ramp.put(0, v, v, v, v);
        }
        return ramp;
    }

    private static byte[] greys(Mat m) {
        byte[] bytes = new byte[(int) (m.total() * m.channels())];
        m.get(0, 0, bytes);
        return bytes;
    }

    /** Other light keeps what is darker darker (a car stays darker than the asphalt it was darker than). */
    @Test
    void changesTheLightButNeverTurnsItOver() {
        LightJitter light = new LightJitter(new Random(3));
        Mat ramp = ramp();
        Mat lit = new Mat();
        int changed = 0;
        for (int draw = 0; draw < 200; draw++) {
            byte[] g = greys(light.apply(ramp, lit));
            for (int i = 3; i < g.length; i++) {
                assertTrue((g[i] & 0xff) >= (g[i - 3] & 0xff), "draw " + draw + " turns grey " + i / 3 + " darker");
            }
            if (Math.abs((g[128 * 3] & 0xff) - 128) > 20) {
                changed++;
            }
        }
        assertTrue(changed > 50, "middle grey moved by more than 20 levels in only " + changed + " of 200 draws");
        ramp.release();
        lit.release();
        light.release();
    }

    /** Training is reproducible: the same seed shows the same crops in the same light. */
    @Test
    void theSameSeedGivesTheSameLight() {
        Mat ramp = ramp();
        LightJitter first = new LightJitter(new Random(11));
        LightJitter second = new LightJitter(new Random(11));
        Mat a = new Mat();
        Mat b = new Mat();
        for (int draw = 0; draw < 5; draw++) {
            assertArrayEquals(greys(first.apply(ramp, a)), greys(second.apply(ramp, b)));
        }
        ramp.release();
        a.release();
        b.release();
        first.release();
        second.release();
    }
}
