package com.parkwatch.app;

import com.parkwatch.booking.JdbcBookingStore;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.history.ReportFormat;
import com.parkwatch.history.ReportRange;
import com.parkwatch.history.Utilisation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"How the lot was used, from its history: occupancy per bay and per hour,",
                "arrivals, turnover, average stay, the peak, and the bookings kept and not",
                "shown up for. Dates are the lot's (this machine's time zone);",
                "docs/reports.md says what each figure means."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "D",
            description = "Start: a date (2026-11-23, from its start) or a date and time (2026-11-23T08:00, or with an offset).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "D",
            description = "End: a date (to its end, so --from D --to D is that day) or a date and time; at most 93 days after --from.")
    String to;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
            description = "csv (three tables: the summary, the bays, the hours) or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        ZoneId zone = ZoneId.systemDefault();
        ReportRange range = ReportRange.parse(from, to, zone, Instant.now());
        ReportFormat chosen = ReportFormat.of(format);
        if (store.database == null && !Files.exists(Path.of(store.where()))) {
            throw new IllegalArgumentException("there is no history at " + store.where()
                    + ": give the --data-dir or --database the kiosk or serve used");
        }
        try (JdbcBookingStore history = JdbcBookingStore.open(store.database != null ? store.database
                : "jdbc:sqlite:" + store.where(), store.lotId())) {
            System.out.print(chosen.write(Utilisation.of(history, range, zone)));
            if (chosen == ReportFormat.JSON) {
                System.out.println();
            }
        } catch (StoreUnavailable e) {
            // The cause's words, not the store's: those repeat the URL, password and all.
            throw new IllegalArgumentException("cannot read the history in " + store.where() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        return 0;
    }
}
