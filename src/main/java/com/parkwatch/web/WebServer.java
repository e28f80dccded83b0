package com.parkwatch.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingRejected;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.Palette;
import com.parkwatch.lot.SpotJson;
import com.parkwatch.lot.SpotView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP face of the lot: the original {@code /parking_status} route, a JSON API for spots and bookings, a home
 * page with the live status and a booking page. Every client mistake gets a 4xx with a JSON error. Everything it
 * says of the lot comes from the live lot's view, in memory: reading the state never waits on the database.
 */
public final class WebServer implements AutoCloseable {

    /** Largest request body accepted; a booking is a few dozen bytes. */
    public static final long MAX_BODY_BYTES = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveLot lot;
    private final BookingService bookings;
    private final Supplier<byte[]> snapshotJpeg;
    private final Javalin app;
    private final String homePage = page("/web/index.html");
    private final String bookingPage;
    private final String paletteCss = Palette.css("background");

    /** A JSON error body: {@code {"error":"..."}}. */
    public record ApiError(String error) {
    }

    public WebServer(LiveLot lot, BookingService bookings, Supplier<byte[]> snapshotJpeg) {
        this.lot = lot;
        this.bookings = bookings;
        this.snapshotJpeg = snapshotJpeg;
        bookingPage = withDurations(page("/web/booking.html"), bookings.rules());
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
        });
        app.get("/", ctx -> ctx.html(homePage));
        app.get("/booking", ctx -> ctx.html(bookingPage));
        app.get("/parking_status", this::parkingStatus);
        app.get("/api/spots", this::spots);
        app.post("/api/bookings", this::book);
        app.delete("/api/bookings/{code}", this::cancel);
        app.get("/snapshot.jpg", this::snapshot);
        app.get("/palette.css", ctx -> ctx.contentType("text/css").result(paletteCss));
        app.exception(BookingRejected.class, (e, ctx) -> ctx.status(statusOf(e.reason())).json(new ApiError(e.getMessage())));
        app.exception(BadRequest.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError(e.getMessage())));
        app.exception(StoreUnavailable.class, (e, ctx) -> {
            LOG.warn("booking database: {}", e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiError("bookings are unavailable right now; try again"));
        });
        // Javalin's own 404, 405 and 413 arrive here too, so they also answer with a JSON error.
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(new ApiError(e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiError("the server could not answer; try again"));
        });
    }

    /** Starts listening; port 0 picks a free one. */
    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static HttpStatus statusOf(BookingRejected.Reason reason) {
        return switch (reason) {
            case INVALID, UNKNOWN_SPOT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FREE, ALREADY_BOOKED -> HttpStatus.CONFLICT;
            case NOT_WATCHING -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private void parkingStatus(Context ctx) {
        LotView view = lot.view();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("free_spots", view.freeSpotIds());
        body.put("free", view.free());
        body.put("total", view.total());
        body.put("reserved_spots", view.reservedSpotIds());
        health(body, view);
        ctx.json(body);
    }

    /** Whether the states are current, the camera's health and the time of the newest analysed sample. */
    private static void health(Map<String, Object> body, LotView view) {
        body.put("live", view.live());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("status", view.source().state().word());
        source.put("reason", view.source().reason());
        source.put("next_try", view.source().nextTry() == null ? null : view.source().nextTry().toString());
        body.put("source", source);
        body.put("updated", view.updated() == null ? null : view.updated().toString());
    }

    /** The lot's health as in {@code /parking_status}, and every spot. */
    private void spots(Context ctx) throws IOException {
        LotView view = lot.view();
        Map<String, Object> head = new LinkedHashMap<>();
        health(head, view);
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
            out.writeStartObject();
            for (Map.Entry<String, Object> field : head.entrySet()) {
                out.writeFieldName(field.getKey());
                JSON.writeValue(out, field.getValue());
            }
            out.writeArrayFieldStart("spots");
            for (SpotView spot : view.spots()) {
                out.writeStartObject();
                SpotJson.writeShown(out, spot);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        ctx.contentType("application/json").result(text.toString());
    }

    private void book(Context ctx) {
        int spot;
        String plate;
        int minutes;
        String type = ctx.contentType();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            spot = integer(ctx.formParam("spot"), "spot");
            plate = ctx.formParam("plate");
            minutes = integer(ctx.formParam("minutes"), "minutes");
        } else {
            JsonNode body = parse(ctx.body());
            spot = integer(body, "spot");
            minutes = integer(body, "minutes");
            JsonNode p = body.get("plate");
            if (p == null || !p.isTextual()) {
                throw new BadRequest("the request needs \"plate\" as a string");
            }
            plate = p.asText();
        }
        Booking b = bookings.book(spot, plate, minutes);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("code", b.code());
        created.put("spot", b.spot());
        created.put("plate", b.plate());
        created.put("until", b.end().toString());
        ctx.status(HttpStatus.CREATED).json(created);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new BadRequest("the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest("the request body is not valid JSON");
        }
    }

    private static int integer(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToInt()) {
            throw new BadRequest("the request needs \"" + field + "\" as a whole number");
        }
        return n.asInt();
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest("the form needs \"" + field + "\" as a whole number");
        }
    }

    private void cancel(Context ctx) {
        if (!bookings.cancel(ctx.pathParam("code"))) {
            ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("no active booking has that code"));
            return;
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void snapshot(Context ctx) {
        byte[] jpeg = snapshotJpeg.get();
        if (jpeg == null) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiError("no frame has been analysed yet"));
            return;
        }
        ctx.header("Cache-Control", "no-store").contentType("image/jpeg").result(jpeg);
    }

    /** The booking page with a button for each duration the lot's rules offer, the first choice pressed. */
    private static String withDurations(String page, BookingRules rules) {
        StringBuilder buttons = new StringBuilder();
        for (int minutes : rules.presetMinutes()) {
            buttons.append("      <button type=\"button\" data-minutes=\"").append(minutes).append('"')
                    .append(minutes == rules.firstChoice() ? " aria-pressed=\"true\"" : "").append('>')
                    .append(BookingRules.label(minutes)).append("</button>\n");
        }
        return page.replace("{{durations}}\n", buttons.toString())
                .replace("{{first-minutes}}", Integer.toString(rules.firstChoice()));
    }

    private static String page(String resource) {
        try (InputStream in = WebServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the page " + resource + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request the server cannot read: malformed JSON, a missing or mistyped field. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
