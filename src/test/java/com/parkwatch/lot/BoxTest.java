package com.parkwatch.lot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoxTest {

    private final Box box = new Box(10, 20, 30, 40);

    @Test
    void overlapIsTheAreaInCommon() {
        assertEquals(5 * 10, box.overlap(new Box(35, 50, 100, 100)), "corner over corner");
        assertEquals(box.area(), box.overlap(new Box(0, 0, 100, 100)), "inside another");
        assertEquals(box.overlap(new Box(35, 50, 100, 100)), new Box(35, 50, 100, 100).overlap(box), "either way");
    }

    @Test
    void boxesThatOnlyTouchOrLieApartHaveNone() {
        assertEquals(0, box.overlap(new Box(40, 20, 10, 10)), "touching at the right edge");
        assertEquals(0, box.overlap(new Box(100, 100, 5, 5)));
    }
}
