package com.parkwatch.app;

import com.parkwatch.watch.LotWatch;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How long the lot's history is kept: shared by serve and the kiosk. */
final class HistoryOption {

    @Option(names = "--history-days", paramLabel = "N", defaultValue = "90",
            description = "Days of history (every change of the spots, every booking transition) kept for the reports;"
                    + " older is pruned daily (default: ${DEFAULT-VALUE}).")
    int days;

    /** Refuses a retention that is not a whole number of days from 1 to 10 years. */
    Duration retention() {
        if (days < 1 || days > 3660) {
            throw new IllegalArgumentException("--history-days must be from 1 to 3660, got " + days);
        }
        return Duration.ofDays(days);
    }

    void applyTo(LotWatch watch) {
        watch.keepHistoryFor(retention());
    }
}
