package com.parkwatch.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How the PIN pad slows down guessing: each wrong PIN makes the next try wait a second longer, and after
 * {@value #MOST_WRONG} wrong PINs in a row the pad is locked for {@link #LOCKOUT}. A right PIN starts again from
 * nothing. Used on the FX thread only.
 */
final class PinAttempts {

    static final int MOST_WRONG = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(1);
    private static final Duration STEP = Duration.ofSeconds(1);

    private final Clock clock;
    private int wrong;
    private Instant waitUntil = Instant.MIN;

    PinAttempts(Clock clock) {
        this.clock = clock;
    }

    /** Whole seconds before the next try is taken; 0 when it is taken now. */
    long secondsToWait() {
        Duration left = Duration.between(clock.instant(), waitUntil);
        return left.isNegative() || left.isZero() ? 0 : (left.toMillis() + 999) / 1000;
    }

    /** A wrong PIN: true when it locked the pad. */
    boolean wrong() {
        wrong++;
        if (wrong >= MOST_WRONG) {
            wrong = 0;
            waitUntil = clock.instant().plus(LOCKOUT);
            return true;
        }
        waitUntil = clock.instant().plus(STEP.multipliedBy(wrong));
        return false;
    }

    void right() {
        wrong = 0;
        waitUntil = Instant.MIN;
    }
}
