package com.parkwatch.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingRejected;
import com.parkwatch.booking.BookingService;
import com.parkwatch.booking.StoreUnavailable;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.Palette;
import com.parkwatch.lot.CameraView;
import com.parkwatch.lot.SpotJson;
import com.parkwatch.lot.SpotView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The HTTP face of the lot: the original {@code /parking_status} route, a JSON API for spots and bookings, the lot
 * pushed to pages ({@link EventStream}), the phone pages in the browser's language ({@link Pages}: the lot, booking,
 * the receipt and its routes in {@link ReceiptApi}), and the operator's API. Every client mistake gets a 4xx with a JSON
 * error, Jetty's own included, and every answer the security headers. Everything it says of the lot comes from the
 * live lot's view, in memory: reading the state never waits on the database.
 *
 * <p>Reachable from the street: requests that change bookings come only from the lot's own pages
 * ({@link RequestGuard}), the fair-use limits are the booking service's (this server tells it the client's
 * address), and a storm of bookings cannot starve the status routes: the threads are bounded, and at most
 * {@link #DATABASE_SLOTS} requests wait on the database at once; the others are told to try again at once.
 */
public final class WebServer implements AutoCloseable {

    /** Largest request body accepted; a booking is a few dozen bytes. */
    public static final long MAX_BODY_BYTES = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Requests that may wait on the database at once (each at most 2 s): far fewer than the threads. */
    static final int DATABASE_SLOTS = 8;
    private static final int MOST_THREADS = 32;
    private static final int FEWEST_THREADS = 4;
    private static final int QUEUED_REQUESTS = 1024;
    private static final int IDLE_THREAD_MILLIS = 60_000;
    /** Pages following the lot by {@code /api/events} at once, in all and from one address. */
    static final int MOST_STREAMS = 64;
    static final int STREAMS_PER_ADDRESS = 4;

    private final LiveLot lot;
    private final BookingService bookings;
    /** Each camera's annotated picture by its number (1-based), null before its first sample. */
    private final IntFunction<byte[]> snapshotJpeg;
    private final Javalin app;
    private final Pages pages;
    private final String paletteCss = Palette.css("background");
    private final Semaphore databaseSlots = new Semaphore(DATABASE_SLOTS);
    private final EventStream events;
    private final ApiRoutes apiRoutes = new ApiRoutes(version());
    private String host;
    private int port;

    /** A JSON error body: {@code {"error":"..."}}. */
    public record ApiError(String error) {
    }

    /**
     * @param operator the operator's token; null leaves the operator API out
     * @param tls      the certificate and key to answer HTTPS with; null for plain HTTP
     */
    public WebServer(LiveLot lot, BookingService bookings, Supplier<byte[]> snapshotJpeg, OperatorToken operator,
                     Tls tls) {
        this(lot, bookings, camera -> snapshotJpeg.get(), operator, tls);
    }

    /**
     * @param snapshotJpeg each camera's picture by its number, from 1 to the lot's {@link LiveLot#cameras()}
     * @param operator     the operator's token; null leaves the operator API out
     * @param tls          the certificate and key to answer HTTPS with; null for plain HTTP
     */
    public WebServer(LiveLot lot, BookingService bookings, IntFunction<byte[]> snapshotJpeg, OperatorToken operator,
                     Tls tls) {
        this.lot = lot;
        this.bookings = bookings;
        this.snapshotJpeg = snapshotJpeg;
        pages = new Pages(bookings.rules());
        events = new EventStream(lot, WebServer::spotsJson, MOST_STREAMS, STREAMS_PER_ADDRESS);
        SecurityHeaders headers = new SecurityHeaders(pages.all(), tls != null);
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.events.handlerAdded(apiRoutes::registered);
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.threadPool = new QueuedThreadPool(MOST_THREADS, FEWEST_THREADS, IDLE_THREAD_MILLIS,
                    new BlockingArrayQueue<>(QUEUED_REQUESTS));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(headers)));
            if (tls != null) {
                // Javalin adds its own plain connector only when there is none.
                config.jetty.addConnector((server, http) -> tls.connector(server, http, host, port));
            }
        });
        app.before(ctx -> headers.addTo(ctx::header));
        app.before(RequestGuard::check);
        app.get("/", ctx -> pages.serve(ctx, "index"));
        app.get("/booking", ctx -> pages.serve(ctx, "booking"));
        app.get("/bookings/{code}", ctx -> pages.serve(ctx, "receipt"));
        app.get("/parking_status", this::parkingStatus);
        app.get("/api/spots", this::spots);
        app.get("/api/events", events::open);
        app.post("/api/bookings", ctx -> withDatabase(() -> book(ctx)));
        app.delete("/api/bookings/{code}", ctx -> withDatabase(() -> cancel(ctx)));
        app.get("/snapshot.jpg", this::snapshot);
        app.get("/palette.css", ctx -> ctx.contentType("text/css").result(paletteCss));
        ReceiptApi.install(app, apiRoutes, bookings, lot, this::withDatabase);
        if (operator != null) {
            OperatorApi.install(app, bookings, operator, Clock.systemUTC());
        }
        ReportsApi.install(app, apiRoutes, bookings.history(), Clock.systemUTC());
        CoreRouteDocs.describe(apiRoutes);
        add(new ApiDocs());
        app.exception(BookingRejected.class, (e, ctx) -> ctx.status(statusOf(e.reason())).json(Map.of("error",
                e.getMessage(), "reason", e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        app.exception(ApiRefusal.class, (e, ctx) -> ctx.status(e.status()).json(new ApiError(e.getMessage())));
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

    /** Runs work that waits on the database if a slot is free now, else answers 503 at once. */
    private void withDatabase(Runnable work) {
        if (!databaseSlots.tryAcquire()) {
            throw new ApiRefusal(HttpStatus.SERVICE_UNAVAILABLE, "bookings are busy right now; try again in a moment");
        }
        try {
            work.run();
        } finally {
            databaseSlots.release();
        }
    }

    /** Adds routes kept in a class of their own (open data, metrics); before {@link #start} only. */
    public WebServer add(WebRoutes routes) {
        routes.install(app, apiRoutes);
        return this;
    }

    /** The routes registered and their descriptions: the OpenAPI document's source. */
    public ApiRoutes apiRoutes() {
        return apiRoutes;
    }

    private static String version() {
        String v = WebServer.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** Starts listening; port 0 picks a free one. */
    public WebServer start(String host, int port) {
        this.host = host;
        this.port = port;
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }

    private static HttpStatus statusOf(BookingRejected.Reason reason) {
        return switch (reason) {
            case INVALID, UNKNOWN_SPOT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FREE, ALREADY_BOOKED, CLOSED -> HttpStatus.CONFLICT;
            case NOT_WATCHING -> HttpStatus.SERVICE_UNAVAILABLE;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
    }

    private void parkingStatus(Context ctx) {
        LotView view = lot.view();
        Map<String, Object> body = new LinkedHashMap<>();
        // Signs and scripts read free_spots without looking at live: while the camera is blind it offers none, and
        // the last ones seen are given under a name that says so.
        // With several cameras, a camera that is down shows its spots unknown: none of them counts as free.
        body.put("free_spots", view.live() ? view.freeSpotIds() : List.of());
        body.put("free", view.live() ? view.free() : null);
        body.put("last_seen_free_spots", view.freeSpotIds());
        body.put("total", view.total());
        body.put("reserved_spots", view.reservedSpotIds());
        body.put("closed_spots", view.closedSpotIds());
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
        List<Map<String, Object>> cameras = new ArrayList<>();
        for (CameraView camera : view.cameras()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("camera", camera.number());
            c.put("live", camera.live());
            c.put("status", camera.health().state().word());
            c.put("reason", camera.health().reason());
            c.put("updated", camera.updated() == null ? null : camera.updated().toString());
            cameras.add(c);
        }
        body.put("cameras", cameras);
    }

    /** The lot's health as in {@code /parking_status}, and every spot. */
    private void spots(Context ctx) {
        ctx.contentType("application/json").result(spotsJson(lot.view()));
    }

    /** The JSON of {@code /api/spots}, which {@code /api/events} sends too. */
    static String spotsJson(LotView view) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("a string writer does not fail", e);
        }
        return text.toString();
    }

    private void book(Context ctx) {
        JsonNode body = parse(ctx.body());
        int spot = integer(body, "spot");
        int minutes = integer(body, "minutes");
        JsonNode p = body.get("plate");
        if (p == null || !p.isTextual()) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, "the request needs \"plate\" as a string");
        }
        Booking b = bookings.book(spot, p.asText(), minutes, ctx.ip());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("code", b.code());
        created.put("spot", b.spot());
        created.put("label", lot.view().spot(b.spot()).map(s -> s.spot().label()).orElse(Integer.toString(b.spot())));
        created.put("plate", b.plate());
        created.put("until", b.end().toString());
        ctx.status(HttpStatus.CREATED).json(created);
    }

    static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiRefusal(HttpStatus.BAD_REQUEST, "the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, "the request body is not valid JSON");
        }
    }

    static int integer(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToInt()) {
            throw new ApiRefusal(HttpStatus.BAD_REQUEST, "the request needs \"" + field + "\" as a whole number");
        }
        return n.asInt();
    }

    private void cancel(Context ctx) {
        if (!bookings.cancel(ctx.pathParam("code"), ctx.ip())) {
            ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("no active booking has that code"));
            return;
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void snapshot(Context ctx) {
        String asked = ctx.queryParam("camera");
        int camera = asked == null ? 1 : cameraNumber(asked);
        if (camera < 1 || camera > lot.cameras()) {
            ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("there is no camera " + asked + ": the lot has "
                    + lot.cameras() + (lot.cameras() == 1 ? " camera" : " cameras, numbered from 1")));
            return;
        }
        byte[] jpeg = snapshotJpeg.apply(camera);
        if (jpeg == null) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiError("no frame has been analysed yet"));
            return;
        }
        ctx.header("Cache-Control", "no-store").contentType("image/jpeg").result(jpeg);
    }

    /** A camera's number as asked for, or 0 for what is not one. */
    private static int cameraNumber(String asked) {
        try {
            return Integer.parseInt(asked.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
