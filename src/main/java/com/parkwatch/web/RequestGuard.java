package com.parkwatch.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Requests that change bookings come only from the lot's own pages: their {@code Origin} (or, without one, their
 * {@code Referer}) names this server, and a body is JSON, which another site's page cannot send without a preflight
 * this server never grants. A plain HTML form from anywhere is refused. The operator's routes need no such check:
 * they need the operator's token, which no browser sends by itself.
 */
final class RequestGuard {

    /** Where the routes that change bookings live; the operator's are under {@link OperatorApi#PREFIX}. */
    private static final String BOOKINGS = "/api/bookings";
    private static final Set<HandlerType> CHANGES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);

    private RequestGuard() {
    }

    static void check(Context ctx) {
        if (!CHANGES.contains(ctx.method()) || !ctx.path().startsWith(BOOKINGS)) {
            return;
        }
        String from = ctx.header("Origin");
        if (from == null || from.equals("null")) {
            from = ctx.header("Referer");
        }
        String host = ctx.header("Host");
        if (from == null || host == null || !host.equalsIgnoreCase(authority(from))) {
            throw new ApiRefusal(HttpStatus.FORBIDDEN, "bookings are taken only from this lot's own pages");
        }
        String type = ctx.contentType();
        if (ctx.method() != HandlerType.DELETE
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
            throw new ApiRefusal(HttpStatus.FORBIDDEN, "bookings are taken as JSON only");
        }
    }

    /** The host and port an origin or referrer names, or "" when it names none. */
    private static String authority(String url) {
        try {
            String authority = URI.create(url).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
