package com.parkwatch.lot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutTest {

    private final Layout mask = new Layout(1920, 1080, List.of(
            Spot.ofBox(1, new Box(300, 150, 60, 30)), Spot.ofBox(2, new Box(360, 150, 60, 30))));

    @Test
    void scalesBoxesToAFrameOfTheSameAspect() {
        Layout fitted = mask.fittedTo(1280, 720);
        assertEquals(new Box(200, 100, 40, 20), fitted.spots().get(0).box());
        assertEquals(new Box(240, 100, 40, 20), fitted.spots().get(1).box());
        assertEquals(1280, fitted.width());
    }

    @Test
    void acceptsAMaskOnePixelLargerThanItsVideo() {
        Layout crop = new Layout(381, 453, List.of(Spot.ofBox(1, new Box(10, 10, 50, 100))));
        Layout fitted = crop.fittedTo(380, 452);
        assertEquals(380, fitted.width());
        assertEquals(452, fitted.height());
    }

    @Test
    void refusesAFrameOfAnotherAspect() {
        LayoutMismatchException e = assertThrows(LayoutMismatchException.class, () -> mask.fittedTo(1000, 1000));
        assertTrue(e.getMessage().contains("aspect ratios differ"), e.getMessage());
    }

    @Test
    void sameSizeIsTheSameLayout() {
        assertSame(mask, mask.fittedTo(1920, 1080));
    }

    @Test
    void rotatedOutlinesScaleTheirCorners() {
        Spot rotated = new Spot(3, PklotLabels.corners(100, 100, 40, 80, 30));
        assertFalse(rotated.isAxisAligned());
        Spot half = rotated.scaled(0.5, 0.5);
        assertEquals(rotated.outline().get(0).x() / 2, half.outline().get(0).x(), 1e-9);
        assertTrue(Spot.ofBox(1, new Box(1, 2, 3, 4)).isAxisAligned());
    }
}
