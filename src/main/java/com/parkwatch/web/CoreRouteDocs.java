package com.parkwatch.web;

import io.javalin.http.HandlerType;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.List;

/**
 * The descriptions of the routes {@link WebServer} and {@link OperatorApi} register themselves. A route added there
 * is described here too, or {@code OpenApiTest} fails; routes in classes of their own describe themselves.
 */
final class CoreRouteDocs {

    private CoreRouteDocs() {
    }

    static void describe(ApiRoutes docs) {
        docs.describe(HandlerType.GET, "/", RouteDoc.of("pages", "The home page: the lot's live status")
                .answers(200, "the page", "text/html", new StringSchema()));
        docs.describe(HandlerType.GET, "/booking", RouteDoc.of("pages", "The booking page")
                .answers(200, "the page", "text/html", new StringSchema()));
        docs.describe(HandlerType.GET, "/bookings/{code}", RouteDoc.of("pages", "A booking's receipt page: count-down, Extend, Cancel")
                .answers(200, "the page", "text/html", new StringSchema()));
        docs.describe(HandlerType.GET, "/api/events", RouteDoc.of("status", "The lot pushed as server-sent events")
                .details("One data: line with the object /api/spots gives, at once and after each sample or change, "
                        + "at most 2 a second; a keep-alive comment every 15 s")
                .answers(200, "the event stream", "text/event-stream", new StringSchema())
                .fails(406, "the client does not ask for an event stream")
                .fails(503, "too many streams open"));
        docs.describe(HandlerType.GET, "/parking_status", RouteDoc.of("status", "Free spots, counts and the camera's health")
                .details("free_spots, free, total, reserved_spots, closed_spots, live, source {status, reason, next_try}, updated,"
                        + " cameras [{camera, live, status, reason, updated}]; with several cameras, a camera that is down"
                        + " leaves its spots out of free_spots and free")
                .answers(200, "the status", "application/json", new ObjectSchema()));
        docs.describe(HandlerType.GET, "/api/spots", RouteDoc.of("status", "Every spot with its label, zone, types, state and camera")
                .answers(200, "the lot's health and its spots", "application/json", new ObjectSchema()));
        ObjectSchema booking = new ObjectSchema();
        booking.addProperty("spot", new IntegerSchema());
        booking.addProperty("plate", new StringSchema());
        booking.addProperty("minutes", new IntegerSchema());
        booking.required(List.of("spot", "plate", "minutes"));
        docs.describe(HandlerType.POST, "/api/bookings", RouteDoc.of("bookings", "Books a free spot")
                .details("From the lot's own pages only (Origin or Referer naming this server), as JSON")
                .body("the spot, the licence plate and the minutes", booking)
                .answers(201, "booked: code, spot, plate, until", "application/json", new ObjectSchema())
                .fails(400, "the body is not a booking").fails(403, "not from this lot's pages")
                .fails(409, "the spot is not free, already booked or closed")
                .fails(422, "no such spot, or the booking breaks the rules")
                .fails(429, "too many bookings from this plate or address")
                .fails(503, "the camera is not watching, or the database is busy"));
        docs.describe(HandlerType.DELETE, "/api/bookings/{code}", RouteDoc.of("bookings", "Cancels a booking with its code")
                .answers(204, "cancelled", null, null).fails(403, "not from this lot's pages")
                .fails(404, "no active booking has that code").fails(429, "too many wrong codes from this address"));
        docs.describe(HandlerType.GET, "/snapshot.jpg", RouteDoc.of("status", "The latest analysed frame, drawn with the lot's states")
                .details("?camera=N: camera N's (default 1)")
                .answers(200, "the picture", "image/jpeg", new StringSchema().format("binary"))
                .fails(404, "no such camera")
                .fails(503, "no frame has been analysed yet"));
        docs.describe(HandlerType.GET, "/palette.css", RouteDoc.of("pages", "The states' colours as CSS")
                .answers(200, "the style sheet", "text/css", new StringSchema()));
        String op = OperatorApi.PREFIX;
        docs.describe(HandlerType.GET, op + "bookings", RouteDoc.of("operator", "Bookings active or ended in the last day")
                .answers(200, "the bookings with their transitions", "application/json", new ObjectSchema())
                .token(ApiRoutes.OPERATOR_TOKEN));
        docs.describe(HandlerType.DELETE, op + "bookings/{code}", RouteDoc.of("operator", "Voids a booking")
                .answers(204, "voided", null, null).fails(404, "no active booking has that code")
                .token(ApiRoutes.OPERATOR_TOKEN));
        docs.describe(HandlerType.PUT, op + "spots/{spot}/closed", RouteDoc.of("operator", "Closes a bay (out of service)")
                .answers(204, "closed", null, null).fails(400, "a spot is a whole number")
                .fails(422, "no such spot").token(ApiRoutes.OPERATOR_TOKEN));
        docs.describe(HandlerType.DELETE, op + "spots/{spot}/closed", RouteDoc.of("operator", "Opens a closed bay again")
                .answers(204, "opened", null, null).fails(400, "a spot is a whole number")
                .fails(422, "no such spot").token(ApiRoutes.OPERATOR_TOKEN));
        docs.describe(HandlerType.GET, op + "alerts", RouteDoc.of("operator", "The alerts of the last day")
                .answers(200, "the alerts", "application/json", new ObjectSchema()).token(ApiRoutes.OPERATOR_TOKEN));
    }
}
