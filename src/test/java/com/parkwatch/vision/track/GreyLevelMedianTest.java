package com.parkwatch.vision.track;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GreyLevelMedianTest {

    private final GreyLevelMedian median = new GreyLevelMedian();

    @Test
    void findsTheMiddleValueToAnEighthOfAGreyLevel() {
        assertEquals(3.0, median.of(new double[]{40, -7, 3, 2.9, 250}), 0.125);
        assertEquals(-8.0, median.of(new double[]{-7, -12, 5, -8}), 0.125, "of an even count, the lower middle");
        assertEquals(0.5, median.of(new double[]{0.5}), 0.125);
    }

    @Test
    void valuesBeyondTheRangeCountAtItsEnds() {
        assertEquals(256, median.of(new double[]{1e9, 1e9, -3}), 0.125);
    }
}
