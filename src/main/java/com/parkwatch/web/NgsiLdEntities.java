package com.parkwatch.web;

import com.parkwatch.lot.BayType;
import com.parkwatch.lot.LotView;
import com.parkwatch.lot.SpotState;
import com.parkwatch.lot.SpotView;
import com.parkwatch.lot.Vertex;
import com.parkwatch.publish.LotIdentity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lot as FIWARE Smart Data Models entities (dataModel.Parking): an {@code OffStreetParking} for the lot and a
 * {@code ParkingSpot} per bay, in NGSI-LD's normalised form (each attribute a Property, a Relationship or a
 * GeoProperty) or as key-values. A lot that is not live tells no bay as free or occupied: their status is unknown,
 * and the lot gives no available count. A booked bay is not available, and is told as occupied with
 * {@code reservedUntil}.
 */
final class NgsiLdEntities {

    static final List<String> CONTEXT = List.of(
            "https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld",
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld");

    private final LotIdentity lot;
    private final boolean keyValues;

    NgsiLdEntities(LotIdentity lot, boolean keyValues) {
        this.lot = lot;
        this.keyValues = keyValues;
    }

    String parkingId() {
        return "urn:ngsi-ld:OffStreetParking:" + lot.id();
    }

    List<Map<String, Object>> spots(LotView view) {
        List<Map<String, Object>> spots = new ArrayList<>();
        for (SpotView spot : view.spots()) {
            Map<String, Object> e = entity("urn:ngsi-ld:ParkingSpot:" + lot.id() + ":" + LotIdentity.token(spot.spot().label()),
                    "ParkingSpot");
            property(e, "name", spot.spot().label());
            property(e, "status", status(spot, view.live()));
            property(e, "category", List.of("offStreet"));
            relationship(e, "refParkingSite", parkingId());
            location(e);
            Vertex centre = spot.spot().centre();
            property(e, "imagePosition", Map.of("x", round(centre.x()), "y", round(centre.y())));
            Set<String> types = types(spot.spot().types());
            if (!types.isEmpty()) {
                property(e, "bayType", List.copyOf(types));
            }
            if (spot.spot().zone() != null) {
                property(e, "zone", spot.spot().zone());
            }
            if (spot.reserved() && view.live()) {
                property(e, "reservedUntil", spot.reservedUntil().toString());
            }
            if (spot.since() != null) {
                property(e, "dateObserved", spot.since().toString());
            }
            e.put("@context", CONTEXT);
            spots.add(e);
        }
        return spots;
    }

    Map<String, Object> parking(LotView view) {
        Map<String, Object> e = entity(parkingId(), "OffStreetParking");
        property(e, "name", lot.name());
        if (lot.address() != null) {
            property(e, "address", Map.of("streetAddress", lot.address()));
        }
        location(e);
        Set<String> category = new TreeSet<>(List.of("parkingLot"));
        view.spots().forEach(s -> category.addAll(types(s.spot().types())));
        property(e, "category", List.copyOf(category));
        property(e, "totalSpotNumber", view.total());
        if (view.live()) {
            int free = view.free();
            property(e, "availableSpotNumber", free);
            property(e, "status", List.of(free > 0 ? "spacesAvailable" : "full"));
        } else {
            property(e, "status", List.of("open"));
        }
        if (view.updated() != null) {
            property(e, "observationDateTime", view.updated().toString());
        }
        e.put("@context", CONTEXT);
        return e;
    }

    private static String status(SpotView spot, boolean live) {
        if (spot.state() == SpotState.CLOSED) {
            return "closed";
        }
        if (!live) {
            return "unknown";
        }
        return switch (spot.state()) {
            case FREE -> "free";
            case RESERVED, OCCUPIED -> "occupied";
            case UNKNOWN, CLOSED -> "unknown";
        };
    }

    /** The bay's types in the words of OffStreetParking's categories. */
    private static Set<String> types(Set<BayType> types) {
        Set<String> words = new TreeSet<>();
        for (BayType t : types) {
            switch (t) {
                case ACCESSIBLE -> words.add("forDisabled");
                case EV_CHARGING -> words.add("forElectricalCharging");
                case STAFF_ONLY -> words.add("forEmployees");
                case CLOSED -> { }
            }
        }
        return words;
    }

    private void location(Map<String, Object> e) {
        if (!lot.located()) {
            return;
        }
        Map<String, Object> point = Map.of("type", "Point", "coordinates", List.of(lot.longitude(), lot.latitude()));
        if (keyValues) {
            e.put("location", point);
        } else {
            e.put("location", Map.of("type", "GeoProperty", "value", point));
        }
    }

    private static Map<String, Object> entity(String id, String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("type", type);
        return e;
    }

    private void property(Map<String, Object> e, String name, Object value) {
        e.put(name, keyValues ? value : Map.of("type", "Property", "value", value));
    }

    private void relationship(Map<String, Object> e, String name, String id) {
        e.put(name, keyValues ? id : Map.of("type", "Relationship", "object", id));
    }

    private static double round(double pixels) {
        return Math.round(pixels * 10) / 10.0;
    }
}
