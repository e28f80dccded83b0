package com.parkwatch.web;

import com.parkwatch.lot.LiveLot;
import com.parkwatch.lot.LotView;
import com.parkwatch.publish.LotIdentity;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lot as open data: {@code GET /ngsi-ld/v1/entities?type=ParkingSpot} and {@code ?type=OffStreetParking} (or
 * both, comma-separated), as NGSI-LD with its {@code @context}, for a city's context broker or open-data portal.
 * {@code options=keyValues} gives the plain form the Smart Data Models' JSON schemas describe.
 */
public final class NgsiLdApi implements WebRoutes {

    static final String PATH = "/ngsi-ld/v1/entities";
    private static final String LD_JSON = "application/ld+json";
    private static final String PARKING_SPOT = "ParkingSpot";
    private static final String OFF_STREET = "OffStreetParking";

    private final LiveLot lot;
    private final LotIdentity identity;

    public NgsiLdApi(LiveLot lot, LotIdentity identity) {
        this.lot = lot;
        this.identity = identity;
    }

    @Override
    public void install(Javalin app, ApiRoutes docs) {
        app.get(PATH, this::entities);
        docs.describe(HandlerType.GET, PATH, RouteDoc.of("open data", "The lot and its bays as NGSI-LD entities")
                .details("FIWARE Smart Data Models: OffStreetParking (availableSpotNumber, totalSpotNumber, status) and"
                        + " one ParkingSpot per bay (status free, occupied, closed or unknown)")
                .query("type", true, "the entity type, or several comma-separated", List.of(PARKING_SPOT, OFF_STREET))
                .query("options", false, "keyValues for the plain form", List.of("keyValues", "normalized"))
                .answers(200, "the entities, each with its @context", LD_JSON, new ArraySchema().items(new ObjectSchema()))
                .answers(400, "no type asked for (an NGSI-LD problem)", "application/json", new ObjectSchema()));
    }

    private void entities(Context ctx) {
        String types = ctx.queryParam("type");
        if (types == null || types.isBlank()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(problem("BadRequestData",
                    "ask for entities by type: ?type=ParkingSpot or ?type=OffStreetParking"));
            return;
        }
        String options = ctx.queryParam("options");
        NgsiLdEntities entities = new NgsiLdEntities(identity, options != null && options.contains("keyValues"));
        LotView view = lot.view();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String type : types.split(",")) {
            switch (type.strip()) {
                case OFF_STREET -> out.add(entities.parking(view));
                case PARKING_SPOT -> out.addAll(entities.spots(view));
                default -> { } // NGSI-LD answers an unknown type with no entities.
            }
        }
        ctx.contentType(LD_JSON).result(ctx.jsonMapper().toJsonString(out, List.class));
    }

    /** NGSI-LD's error body (RFC 7807 problem details). */
    private static Map<String, Object> problem(String type, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "https://uri.etsi.org/ngsi-ld/errors/" + type);
        p.put("title", "Bad request");
        p.put("detail", detail);
        return p;
    }
}
