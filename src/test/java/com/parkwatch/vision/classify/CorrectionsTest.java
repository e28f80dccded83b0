package com.parkwatch.vision.classify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CorrectionsTest {

    private static float[] at(float... values) {
        return values;
    }

    @Test
    void everyCorrectedCropLandsOnItsRightSideWithAMarginOfOne() {
        Corrections c = new Corrections(4, 1);
        float[] roof = at(1, 2, 0, 0);
        float[] shadow = at(0, 0, 3, 1);
        c.add(roof, true, -0.8);
        c.add(shadow, false, 0.3);
        assertEquals(2, c.size());
        assertEquals(1.0, -0.8 + c.margin(roof), 0.01, "the model said occupied (-0.8); the operator said free");
        assertEquals(-1.0, 0.3 + c.margin(shadow), 0.01);
    }

    @Test
    void answersFarFromEveryCorrectionAreLeftAlone() {
        Corrections c = new Corrections(4, 1);
        c.add(at(1, 2, 0, 0), true, -0.8);
        assertEquals(0.0, c.margin(at(-9, 8, 10, -7)), 1e-6);
    }

    @Test
    void theSamePictureCorrectedTwiceStaysSolvable() {
        Corrections c = new Corrections(4, 1);
        c.add(at(1, 1, 1, 1), false, 0.5);
        c.add(at(1, 1, 1, 1), false, 0.5);
        assertEquals(-1.0, 0.5 + c.margin(at(1, 1, 1, 1)), 0.01);
    }
}
