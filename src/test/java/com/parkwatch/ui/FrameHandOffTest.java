package com.parkwatch.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class FrameHandOffTest {

    @Test
    void aScreenBehindGetsTheNewestFrameAndTheOlderIsDroppedNotQueued() {
        FrameHandOff<StringBuilder> handOff = new FrameHandOff<>(new StringBuilder("a"), new StringBuilder("b"),
                new StringBuilder("c"));
        StringBuilder first = handOff.drawing();
        StringBuilder second = handOff.publish();
        StringBuilder third = handOff.publish();
        assertEquals(1, handOff.dropped());
        assertSame(first, third, "the dropped frame's buffer is drawn into again");
        assertSame(second, handOff.take(), "the screen gets the newest frame");
        assertNull(handOff.take(), "and nothing else is waiting");
        assertNotSame(second, handOff.drawing(), "the engine never draws into the frame on screen");
    }
}
