package com.parkwatch.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The span a report covers, from what a person typed: ISO dates ({@code 2026-11-23}: from its start; as {@code to},
 * to its end, so one date twice is that day) or date-times ({@code 2026-11-23T10:00} in the lot's time zone, or with
 * an offset). Refused in one sentence when a bound is not a date, the range is empty or longer than
 * {@link #LONGEST}, or it starts in the future; a range that ends in the future ends now.
 */
public record ReportRange(Instant from, Instant to) {

    /** Longest range: a quarter, beyond the default retention. */
    public static final Duration LONGEST = Duration.ofDays(93);
    private static final int LONGEST_TEXT = 40;

    public ReportRange {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the range is empty: \"to\" must come after \"from\"");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the range covers " + Duration.between(from, to).toDays()
                    + " days; a report covers at most " + LONGEST.toDays());
        }
    }

    /** The range typed, in the lot's time zone, cut at {@code now}. */
    public static ReportRange parse(String from, String to, ZoneId zone, Instant now) {
        Instant start = bound("from", from, zone, false);
        Instant end = bound("to", to, zone, true);
        if (!start.isBefore(now)) {
            throw new IllegalArgumentException("the range starts in the future (" + from + "): nothing has happened yet");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the range is empty: \"to\" must come after \"from\"");
        }
        Instant cut = now.truncatedTo(ChronoUnit.MILLIS);
        return new ReportRange(start, end.isAfter(cut) ? cut : end);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    private static Instant bound(String name, String text, ZoneId zone, boolean end) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("give \"" + name + "\" as a date (2026-11-23) or a date and time"
                    + " (2026-11-23T10:00)");
        }
        String t = text.strip();
        if (t.length() <= LONGEST_TEXT) {
            try {
                LocalDate day = LocalDate.parse(t);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADate) {
                // A date and time, then.
            }
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException noOffset) {
                // Without an offset: the lot's time.
            }
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // Said below.
            }
        }
        String shown = t.length() > 20 ? t.substring(0, 20) + "..." : t;
        throw new IllegalArgumentException("\"" + name + "\" is \"" + shown + "\", which is not a date (2026-11-23)"
                + " nor a date and time (2026-11-23T10:00, 2026-11-23T10:00:00Z)");
    }
}
