package com.parkwatch.vision.video;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    private static List<Long> seconds(Backoff backoff, int tries) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            waits.add(backoff.next().toSeconds());
        }
        return waits;
    }

    @Test
    void retriesAtOnceThenDoublesFromOneSecondUpToTen() {
        assertEquals(List.of(0L, 1L, 2L, 4L, 8L, 10L, 10L), seconds(new Backoff(), 7));
    }

    @Test
    void startsAgainAtOnceAfterASuccess() {
        Backoff backoff = new Backoff();
        seconds(backoff, 5);
        backoff.reset();
        assertEquals(Duration.ZERO, backoff.next());
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }
}
