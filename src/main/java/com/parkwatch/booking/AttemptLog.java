package com.parkwatch.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Who did something how often lately: a sliding window of attempts per key (a client address), in memory. Keys
 * whose attempts all left the window are forgotten, so a flood of addresses cannot fill the memory for long.
 */
public final class AttemptLog {

    /** Beyond this many keys, forgotten ones are swept at the next attempt. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int most;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();

    public AttemptLog(int most, Duration window, Clock clock) {
        this.most = most;
        this.window = window;
        this.clock = clock;
    }

    /** Whether the key has used up its attempts in the window ending now. */
    public synchronized boolean full(String key) {
        Deque<Instant> seen = recent(key);
        return seen != null && seen.size() >= most;
    }

    /** Records one attempt now; true when it was the one that filled the window. */
    public synchronized boolean add(String key) {
        if (attempts.size() > SWEEP_ABOVE) {
            Instant from = clock.instant().minus(window);
            attempts.values().removeIf(seen -> prune(seen, from));
        }
        Deque<Instant> seen = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        seen.addLast(clock.instant());
        if (seen.size() > most) {
            seen.removeFirst();
        }
        return seen.size() == most;
    }

    /** The key's attempts inside the window, or null (and forgotten) when there are none. */
    private Deque<Instant> recent(String key) {
        Deque<Instant> seen = attempts.get(key);
        if (seen == null) {
            return null;
        }
        if (prune(seen, clock.instant().minus(window))) {
            attempts.remove(key);
            return null;
        }
        return seen;
    }

    /** Drops the attempts made before {@code from}; true when none is left. */
    private static boolean prune(Deque<Instant> seen, Instant from) {
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(from)) {
            seen.removeFirst();
        }
        return seen.isEmpty();
    }
}
