package com.parkwatch.web;

import com.parkwatch.booking.AttemptLog;
import com.parkwatch.booking.HistoryStore;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.history.ReportFormat;
import com.parkwatch.history.ReportRange;
import com.parkwatch.history.Utilisation;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.swagger.v3.oas.models.media.ObjectSchema;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * {@value #ROUTE}{@code ?from=&to=[&format=csv]}: the lot's utilisation over a range, from the history. Public (it
 * names no plate), so it is bounded: at most {@value #AT_ONCE} reports are computed at once (each may read a
 * quarter's history) and an address asks at most {@value #PER_MINUTE} a minute; a bad range is refused in words.
 */
final class ReportsApi {

    static final String ROUTE = "/api/reports/utilisation";
    static final int AT_ONCE = 2;
    static final int PER_MINUTE = 20;

    private final HistoryStore history;
    private final Clock clock;
    private final ZoneId zone;
    private final Semaphore computing = new Semaphore(AT_ONCE);
    private final AttemptLog asked;

    private ReportsApi(HistoryStore history, Clock clock, ZoneId zone) {
        this.history = history;
        this.clock = clock;
        this.zone = zone;
        asked = new AttemptLog(PER_MINUTE, Duration.ofMinutes(1), clock);
    }

    /** Dates without an offset are the lot's, which is this machine's time zone. */
    static void install(Javalin app, ApiRoutes docs, HistoryStore history, Clock clock) {
        ReportsApi api = new ReportsApi(history, clock, ZoneId.systemDefault());
        app.get(ROUTE, api::utilisation);
        docs.describe(HandlerType.GET, ROUTE, RouteDoc.of("reports", "How the lot was used between two dates")
                .query("from", true, "a date (the whole day) or a date-time, in the lot's time zone", List.of())
                .query("to", true, "a date (the whole day) or a date-time, at most 93 days after from", List.of())
                .query("format", false, "json (default) or csv", List.of("json", "csv"))
                .answers(200, "occupancy per bay and per hour, stays, turnover, peak, bookings", "application/json",
                        new ObjectSchema())
                .fails(400, "a date missing or unreadable, an empty or too long range, or another format")
                .fails(429, "too many reports asked from this address").fails(503, "reports are busy or the database does not answer"));
    }

    private void utilisation(Context ctx) {
        if (asked.full(ctx.ip())) {
            throw new ApiRefusal(HttpStatus.TOO_MANY_REQUESTS, "this address asked for " + PER_MINUTE
                    + " reports in the last minute; try again in a minute");
        }
        asked.add(ctx.ip());
        ReportRange range;
        ReportFormat format;
        try {
            range = ReportRange.parse(ctx.queryParam("from"), ctx.queryParam("to"), zone, clock.instant());
            String wanted = ctx.queryParam("format");
            format = wanted == null ? ReportFormat.JSON : ReportFormat.of(wanted);
        } catch (IllegalArgumentException e) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (!computing.tryAcquire()) {
            throw new ApiRefusal(HttpStatus.SERVICE_UNAVAILABLE, "other reports are being computed; try again in a moment");
        }
        try {
            String body = format.write(Utilisation.of(history, range, zone));
            ctx.contentType(format == ReportFormat.JSON ? "application/json" : "text/csv; charset=utf-8").result(body);
        } catch (StoreUnavailable e) {
            throw new ApiRefusal(HttpStatus.SERVICE_UNAVAILABLE, "the history is unavailable right now; try again");
        } finally {
            computing.release();
        }
    }
}
