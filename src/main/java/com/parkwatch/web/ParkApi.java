package com.parkwatch.web;

import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import com.parkwatch.publish.LotIdentity;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.swagger.v3.oas.models.media.ObjectSchema;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lot as ParkAPI's city answer ({@code GET /api/parkapi}), the JSON the ParkenDD apps read and ParkAPI2 serves as
 * its API v1 ({@code /api/<city>}): {@code last_downloaded}, {@code last_updated} and a list of one lot with
 * {@code id}, {@code name}, {@code address}, {@code coords} ({@code lat}, {@code lng}), {@code total}, {@code free},
 * {@code state}, {@code lot_type}, {@code region} and {@code forecast}. Times are UTC without an offset, as ParkAPI
 * writes them. While the lot is not live its {@code free} is null and its state {@code nodata} (ParkAPI's word for a
 * lot whose free spaces are not known): no count is offered as current.
 */
public final class ParkApi implements WebRoutes {

    static final String PATH = "/api/parkapi";
    /** ParkAPI's own time format: seconds, UTC, no offset. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final LiveLot lot;
    private final LotIdentity identity;
    private final Clock clock;

    public ParkApi(LiveLot lot, LotIdentity identity, Clock clock) {
        this.lot = lot;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void install(Javalin app, ApiRoutes docs) {
        app.get(PATH, this::answer);
        docs.describe(HandlerType.GET, PATH, RouteDoc.of("open data", "The lot as ParkAPI's city answer (ParkenDD)")
                .details("ParkAPI v1 JSON, as ParkAPI2 serves /api/<city>: last_downloaded, last_updated and lots"
                        + " (one: id, name, address, coords, total, free, state open or nodata, lot_type, region,"
                        + " forecast); while the lot is not live free is null and state nodata")
                .answers(200, "the city answer with this lot", "application/json", new ObjectSchema()));
    }

    private void answer(Context ctx) {
        ctx.json(of(lot.view(), clock.instant()));
    }

    private Map<String, Object> of(LotView view, Instant now) {
        Map<String, Object> lotJson = new LinkedHashMap<>();
        lotJson.put("address", identity.address());
        Map<String, Object> coords = null;
        if (identity.located()) {
            coords = new LinkedHashMap<>();
            coords.put("lat", identity.latitude());
            coords.put("lng", identity.longitude());
        }
        lotJson.put("coords", coords);
        lotJson.put("forecast", false);
        lotJson.put("free", view.live() ? view.free() : null);
        lotJson.put("id", identity.id());
        lotJson.put("lot_type", "Parkplatz");
        lotJson.put("name", identity.name());
        lotJson.put("region", null);
        lotJson.put("state", view.live() ? "open" : "nodata");
        lotJson.put("total", view.total());
        Map<String, Object> city = new LinkedHashMap<>();
        city.put("last_downloaded", TIME.format(now.truncatedTo(ChronoUnit.SECONDS)));
        city.put("last_updated", view.updated() == null ? null : TIME.format(view.updated()));
        city.put("lots", List.of(lotJson));
        return city;
    }
}
