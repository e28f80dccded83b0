package com.parkwatch.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as JSON (the web's route, {@code report --format json}) or CSV ({@code report}'s default: three tables,
 * the summary, the bays and the hours, each with its header row, separated by a blank line). Shares are percentages
 * with one decimal, stays minutes, times ISO-8601 with the lot's offset.
 */
public enum ReportFormat {
    CSV, JSON;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String write(UtilisationReport report) {
        return this == JSON ? json(report) : csv(report);
    }

    private static String json(UtilisationReport r) {
        Map<String, Object> out = summary(r);
        out.put("bays", r.bays().stream().map(b -> {
            Map<String, Object> bay = new LinkedHashMap<>();
            bay.put("spot", b.spot());
            bay.put("observed_percent", percent(b.observed()));
            bay.put("occupancy_percent", percent(b.occupancy()));
            bay.put("arrivals", b.arrivals());
            bay.put("average_stay_minutes", minutes(b.averageStay()));
            return bay;
        }).toList());
        out.put("hours", r.hours().stream().map(h -> {
            Map<String, Object> hour = new LinkedHashMap<>();
            hour.put("start", time(h.start(), r.zone()));
            hour.put("observed_percent", percent(h.observed()));
            hour.put("occupancy_percent", percent(h.occupancy()));
            hour.put("occupied_bays", round(h.occupiedBays()));
            return hour;
        }).toList());
        try {
            return MAPPER.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is always JSON", e);
        }
    }

    /** The figures of the whole lot, in the order the CSV's summary lists them. */
    private static Map<String, Object> summary(UtilisationReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", time(r.from(), r.zone()));
        out.put("to", time(r.to(), r.zone()));
        out.put("bay_count", r.bays().size());
        out.put("observed_percent", percent(r.observed()));
        out.put("occupancy_percent", percent(r.occupancy()));
        out.put("peak_occupied", r.peak() == null ? null : r.peak().occupied());
        out.put("peak_at", r.peak() == null ? null : time(r.peak().at(), r.zone()));
        out.put("arrivals", r.arrivals());
        out.put("turnover_per_bay_per_day", round(r.turnover()));
        out.put("stays_seen_whole", r.stays());
        out.put("average_stay_minutes", minutes(r.averageStay()));
        UtilisationReport.Bookings b = r.bookings();
        out.put("bookings_made", b.made());
        out.put("bookings_kept", b.kept());
        out.put("bookings_no_show", b.noShows());
        out.put("bookings_cancelled", b.cancelled());
        out.put("bookings_voided", b.voided());
        out.put("booking_alerts", b.alerts());
        return out;
    }

    private static String csv(UtilisationReport r) {
        StringBuilder out = new StringBuilder("figure,value\n");
        summary(r).forEach((name, value) -> out.append(name).append(',').append(value == null ? "" : value).append('\n'));
        out.append("\nspot,observed_percent,occupancy_percent,arrivals,average_stay_minutes\n");
        for (UtilisationReport.Bay b : r.bays()) {
            row(out, b.spot(), percent(b.observed()), percent(b.occupancy()), b.arrivals(), minutes(b.averageStay()));
        }
        out.append("\nhour,observed_percent,occupancy_percent,occupied_bays\n");
        for (UtilisationReport.Hour h : r.hours()) {
            row(out, time(h.start(), r.zone()), percent(h.observed()), percent(h.occupancy()), round(h.occupiedBays()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Object... cells) {
        List<String> shown = java.util.Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toList();
        out.append(String.join(",", shown)).append('\n');
    }

    private static String time(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime().toString();
    }

    private static double percent(double share) {
        return round(100 * share);
    }

    private static Double minutes(Duration stay) {
        return stay == null ? null : round(stay.toMillis() / 60_000.0);
    }

    /** One decimal: what a person reads, and what keeps the files small. */
    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** {@code csv} or {@code json}, as typed. */
    public static ReportFormat of(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the format is csv or json, not \"" + word + "\"");
        }
    }
}
