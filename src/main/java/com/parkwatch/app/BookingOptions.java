package com.parkwatch.app;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.FairUse;
import picocli.CommandLine.Option;

import java.time.Duration;
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

    @Option(names = "--max-bookings-per-plate", paramLabel = "N", defaultValue = "1",
            description = "Active bookings one licence plate may hold, kiosk included (default: ${DEFAULT-VALUE}).")
    int perPlate;

    @Option(names = "--max-bookings-per-client", paramLabel = "N", defaultValue = "3",
            description = "Active bookings one web client address may hold (default: ${DEFAULT-VALUE}).")
    int perClient;

    @Option(names = "--max-bookings-per-hour", paramLabel = "N", defaultValue = "10",
            description = "Bookings one web client address may make in an hour (default: ${DEFAULT-VALUE}).")
    int perClientHourly;

    @Option(names = "--arrival-grace", paramLabel = "MINUTES", defaultValue = "15",
            description = "Minutes a booked bay waits for its car before the booking is released (default: ${DEFAULT-VALUE}).")
    int arrivalGrace;

    BookingRules rules() {
        return new BookingRules(shortest, longest, durations,
                new FairUse(perPlate, perClient, perClientHourly, FairUse.DEFAULT.wrongCodes()),
                Duration.ofMinutes(arrivalGrace));
    }
}
