package com.parkwatch.app;

import com.parkwatch.booking.BookingRules;
import picocli.CommandLine.Option;

import java.util.List;

/** The lot's booking rules: shared by serve and the kiosk, usually set in the configuration file. */
final class BookingOptions {

    @Option(names = "--booking-shortest", paramLabel = "MINUTES", defaultValue = "15",
            description = "Shortest booking in minutes (default: ${DEFAULT-VALUE}).")
    int shortest;

    @Option(names = "--booking-longest", paramLabel = "MINUTES", defaultValue = "1440",
            description = "Longest booking in minutes, at most a week (default: ${DEFAULT-VALUE}, a day).")
    int longest;

    @Option(names = "--booking-durations", paramLabel = "MINUTES", split = ",", defaultValue = "30,60,120,240",
            description = "Durations offered as buttons, in minutes, rising (default: ${DEFAULT-VALUE}).")
    List<Integer> durations;

    BookingRules rules() {
        return new BookingRules(shortest, longest, durations);
    }
}
