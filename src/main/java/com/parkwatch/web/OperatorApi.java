package com.parkwatch.web;

import com.parkwatch.booking.Alert;
import com.parkwatch.booking.BookingRecord;
import com.parkwatch.booking.BookingService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's API under {@value #PREFIX}, for {@code Authorization: Bearer TOKEN} only: the bookings of the last
 * day with their transitions, voiding one, closing and opening bays, and the alerts.
 */
final class OperatorApi {

    static final String PREFIX = "/api/operator/";

    private final BookingService bookings;
    private final OperatorToken token;
    private final Clock clock;

    private OperatorApi(BookingService bookings, OperatorToken token, Clock clock) {
        this.bookings = bookings;
        this.token = token;
        this.clock = clock;
    }

    static void install(Javalin app, BookingService bookings, OperatorToken token, Clock clock) {
        OperatorApi api = new OperatorApi(bookings, token, clock);
        app.before(PREFIX + "*", api::authorise);
        app.get(PREFIX + "bookings", api::list);
        app.delete(PREFIX + "bookings/{code}", api::voidBooking);
        app.put(PREFIX + "spots/{spot}/closed", ctx -> api.close(ctx, true));
        app.delete(PREFIX + "spots/{spot}/closed", ctx -> api.close(ctx, false));
        app.get(PREFIX + "alerts", api::alerts);
    }

    private void authorise(Context ctx) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()).strip() : null;
        if (!token.matches(given)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiRefusal(HttpStatus.UNAUTHORIZED, "the operator API needs the operator's token");
        }
    }

    private void list(Context ctx) {
        Instant now = clock.instant();
        List<Map<String, Object>> out = bookings.recent().stream().map(r -> json(r, now)).toList();
        ctx.json(Map.of("bookings", out));
    }

    private static Map<String, Object> json(BookingRecord r, Instant now) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", r.booking().code());
        b.put("spot", r.booking().spot());
        b.put("plate", r.booking().plate());
        b.put("state", r.state(now));
        b.put("client", r.client());
        b.put("starts", text(r.booking().start()));
        b.put("ends", text(r.booking().end()));
        b.put("arrived", text(r.arrived()));
        b.put("cancelled", text(r.cancelled()));
        b.put("voided", text(r.voided()));
        b.put("released", text(r.released()));
        return b;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private void voidBooking(Context ctx) {
        if (!bookings.voidBooking(ctx.pathParam("code"))) {
            throw new ApiRefusal(HttpStatus.NOT_FOUND, "no active booking has that code");
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void close(Context ctx, boolean closed) {
        int spot;
        try {
            spot = Integer.parseInt(ctx.pathParam("spot"));
        } catch (NumberFormatException e) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, "a spot is a whole number");
        }
        bookings.setClosed(spot, closed);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void alerts(Context ctx) {
        List<Map<String, Object>> out = bookings.alerts().stream().map(OperatorApi::json).toList();
        ctx.json(Map.of("alerts", out));
    }

    private static Map<String, Object> json(Alert a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("raised", a.raised().toString());
        out.put("spot", a.spot());
        out.put("code", a.code());
        out.put("message", a.message());
        return out;
    }
}
