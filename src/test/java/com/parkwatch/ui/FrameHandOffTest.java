package com.parkwatch.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameHandOffTest {

    @Test
    void aScreenBehindGetsTheNewestFrameAndTheOlderIsDroppedNotQueued() {
        FrameHandOff<StringBuilder> handOff = new FrameHandOff<>(new StringBuilder("a"), new StringBuilder("b"),
                new StringBuilder("c"));
        StringBuilder first = handOff.drawing();
        StringBuilder second = handOff.publish(0);
        StringBuilder third = handOff.publish(0);
        assertEquals(1, handOff.dropped());
        assertSame(first, third, "the dropped frame's buffer is drawn into again");
        assertSame(second, handOff.take(), "the screen gets the newest frame");
        assertNull(handOff.take(), "and nothing else is waiting");
        assertNotSame(second, handOff.drawing(), "the engine never draws into the frame on screen");
    }

    @Test
    void anEngineThatMayWaitLosesNoFrameToAScreenThatIsALittleLate() throws InterruptedException {
        FrameHandOff<StringBuilder> handOff = new FrameHandOff<>(new StringBuilder(), new StringBuilder(),
                new StringBuilder());
        Thread engine = new Thread(() -> {
            for (int i = 0; i < 5; i++) {
                handOff.drawing().setLength(0);
                handOff.drawing().append(i);
                handOff.publish(TimeUnit.SECONDS.toNanos(5));
            }
        });
        engine.start();
        List<String> shown = new ArrayList<>();
        while (shown.size() < 5) {
            // A screen pulse every 20 ms; the engine hands frames over as fast as it can.
            Thread.sleep(20);
            StringBuilder frame = handOff.take();
            if (frame != null) {
                shown.add(frame.toString());
            }
        }
        engine.join();
        assertEquals(List.of("0", "1", "2", "3", "4"), shown);
        assertEquals(0, handOff.dropped());
    }

    @Test
    void anEngineWaitsNoLongerThanItsPatienceForAScreenThatTakesNothing() {
        FrameHandOff<StringBuilder> handOff = new FrameHandOff<>(new StringBuilder(), new StringBuilder(),
                new StringBuilder());
        handOff.publish(0);
        long started = System.nanoTime();
        handOff.publish(TimeUnit.MILLISECONDS.toNanos(30));
        long waited = System.nanoTime() - started;
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(30) && waited < TimeUnit.SECONDS.toNanos(1),
                "waited " + waited / 1e6 + " ms");
        assertEquals(1, handOff.dropped(), "then the frame the screen did not take is dropped");
    }
}
