package com.parkwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.LiveLot;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the receipt page ({@code /bookings/{code}}) reads and does: the active booking with a code, and making it
 * longer; cancelling is {@code DELETE /api/bookings/{code}}. A code is the only key, so wrong ones count against the
 * address as wrong cancel codes do (the booking service's fair use); extending changes a booking, so it is taken
 * only from the lot's own pages ({@link RequestGuard}, which guards every change under {@code /api/bookings}).
 */
final class ReceiptApi {

    /** The receipt page's Extend button: half an hour, or what is left of the longest stay. */
    static final int EXTEND_MINUTES = 30;

    private final BookingService bookings;
    private final LiveLot lot;

    private ReceiptApi(BookingService bookings, LiveLot lot) {
        this.bookings = bookings;
        this.lot = lot;
    }

    /** @param withDatabase runs a request's work if a database slot is free, else refuses it at once */
    static void install(Javalin app, ApiRoutes docs, BookingService bookings, LiveLot lot, Consumer<Runnable> withDatabase) {
        ReceiptApi api = new ReceiptApi(bookings, lot);
        app.get("/api/bookings/{code}", ctx -> withDatabase.accept(() -> api.show(ctx)));
        docs.describe(HandlerType.GET, "/api/bookings/{code}", RouteDoc.of("bookings", "A booking's receipt, by its code")
                .answers(200, "code, spot, label, plate, start, until, extend_minutes, longest_minutes", "application/json",
                        new ObjectSchema())
                .fails(404, "no active booking has that code").fails(429, "too many wrong codes from this address"));
        app.post("/api/bookings/{code}/extension", ctx -> withDatabase.accept(() -> api.extend(ctx)));
        ObjectSchema extension = new ObjectSchema();
        extension.addProperty("minutes", new IntegerSchema());
        extension.required(List.of("minutes"));
        docs.describe(HandlerType.POST, "/api/bookings/{code}/extension", RouteDoc.of("bookings", "Makes a booking longer")
                .details("From the lot's own pages only (Origin or Referer naming this server), as JSON")
                .body("the minutes to add", extension)
                .answers(200, "the booking as GET /api/bookings/{code} gives it", "application/json", new ObjectSchema())
                .fails(400, "the body is not an extension").fails(403, "not from this lot's pages")
                .fails(404, "no active booking has that code")
                .fails(422, "the booking would last longer than the rules allow")
                .fails(429, "too many wrong codes from this address"));
    }

    private void show(Context ctx) {
        answer(ctx, bookings.find(ctx.pathParam("code"), ctx.ip()));
    }

    private void extend(Context ctx) {
        int minutes = WebServer.integer(WebServer.parse(ctx.body()), "minutes");
        answer(ctx, bookings.extend(ctx.pathParam("code"), minutes, ctx.ip()));
    }

    private void answer(Context ctx, Optional<Booking> booking) {
        if (booking.isEmpty()) {
            throw new ApiRefusal(HttpStatus.NOT_FOUND, "no active booking has that code");
        }
        ctx.json(json(booking.get()));
    }

    /**
     * The booking as the receipt shows it: the spot's label, the plate, the end, and how long the Extend button
     * extends by now ({@code extend_minutes}, 0 once the booking lasts the longest the rules allow).
     */
    private Map<String, Object> json(Booking b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", b.code());
        out.put("spot", b.spot());
        out.put("label", lot.view().spot(b.spot()).map(s -> s.spot().label()).orElse(Integer.toString(b.spot())));
        out.put("plate", b.plate());
        out.put("start", b.start().toString());
        out.put("until", b.end().toString());
        out.put("extend_minutes", Math.min(EXTEND_MINUTES, bookings.rules().extensionLeft(b)));
        out.put("longest_minutes", bookings.rules().longestMinutes());
        return out;
    }
}
