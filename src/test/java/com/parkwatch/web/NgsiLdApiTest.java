package com.parkwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.publish.LotIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NGSI-LD entities checked field by field against the Smart Data Models' JSON schemas of dataModel.Parking
 * (ParkingSpot/schema.json, OffStreetParking/schema.json): their required fields, types, enums and bounds.
 */
class NgsiLdApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The schemas' "Identifier format of any NGSI entity" (or a URI). */
    private static final Pattern ENTITY_ID = Pattern.compile("^[\\w\\-.{}$+*\\[\\]`|~^@!,:\\\\]+$");
    private static final Set<String> SPOT_STATUS = Set.of("closed", "free", "occupied", "unknown");
    private static final Set<String> SPOT_CATEGORY = Set.of("onStreet", "offStreet");
    private static final Set<String> SITE_STATUS = Set.of("almostFull", "closed", "closedAbnormal", "full",
            "fullAtEntrance", "open", "openingTimesInForce", "spacesAvailable");
    private static final Set<String> SITE_CATEGORY = Set.of("barrierAccess", "feeCharged", "forCustomers", "forDisabled",
            "forElectricalCharging", "forEmployees", "forMembers", "forResidents", "forStudents", "forVisitors", "free",
            "freeAccess", "gateAccess", "guarded", "ground", "longTerm", "mediumTerm", "onlyResidents", "onlyWithPermit",
            "parkingGarage", "parkingLot", "private", "public", "publicPrivate", "shortTerm", "staffed", "underground",
            "urbanDeterrentParking", "other");

    @TempDir
    Path dir;

    private final LotIdentity located = new LotIdentity("east", "East car park", "1 Station Road", 52.52, 13.405);

    @Test
    void everyBayIsAParkingSpotAsTheSchemaRequires() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, located, Occupancy.FREE, Occupancy.OCCUPIED, Occupancy.FREE,
                Occupancy.FREE)) {
            lot.bookings.book(3, "PW 1", 30);
            JsonNode spots = entities(lot, "?type=ParkingSpot&options=keyValues");
            assertEquals(4, spots.size());
            for (JsonNode spot : spots) {
                for (String required : List.of("id", "location", "type", "status", "category", "refParkingSite")) {
                    assertTrue(spot.has(required), required + " missing: " + spot);
                }
                assertEquals("ParkingSpot", spot.get("type").asText());
                assertTrue(SPOT_STATUS.contains(spot.get("status").asText()), spot.toString());
                assertUniqueArrayOf(SPOT_CATEGORY, spot.get("category"));
                assertTrue(spot.get("id").asText().startsWith("urn:ngsi-ld:ParkingSpot:east:"));
                assertTrue(ENTITY_ID.matcher(spot.get("refParkingSite").asText()).matches());
                assertEquals("urn:ngsi-ld:OffStreetParking:east", spot.get("refParkingSite").asText());
                assertPoint(spot.get("location"));
                assertTrue(spot.get("imagePosition").get("x").isNumber());
                assertNotNull(spot.get("@context"));
            }
            assertEquals("urn:ngsi-ld:ParkingSpot:east:a1", spots.get(0).get("id").asText());
            assertEquals("A1", spots.get(0).get("name").asText());
            assertEquals("free", spots.get(0).get("status").asText());
            assertEquals(List.of("forDisabled"), List.of(spots.get(0).get("bayType").get(0).asText()));
            assertEquals("occupied", spots.get(1).get("status").asText());
            assertEquals("occupied", spots.get(2).get("status").asText(), "a booked bay is not available");
            assertTrue(spots.get(2).has("reservedUntil"));
            assertEquals("closed", spots.get(3).get("status").asText(), "a staff bay is closed to drivers");
            assertEquals(70.0, spots.get(0).get("imagePosition").get("y").asDouble(), 0.01);
        }
    }

    @Test
    void theLotIsAnOffStreetParkingAsTheSchemaRequires() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, located, Occupancy.FREE, Occupancy.OCCUPIED, Occupancy.FREE)) {
            JsonNode parking = entities(lot, "?type=OffStreetParking&options=keyValues").get(0);
            for (String required : List.of("id", "type", "location")) {
                assertTrue(parking.has(required), required + " missing: " + parking);
            }
            assertEquals("OffStreetParking", parking.get("type").asText());
            assertEquals("urn:ngsi-ld:OffStreetParking:east", parking.get("id").asText());
            assertEquals("East car park", parking.get("name").asText());
            assertEquals("1 Station Road", parking.get("address").get("streetAddress").asText());
            assertPoint(parking.get("location"));
            assertTrue(parking.get("totalSpotNumber").isInt() && parking.get("totalSpotNumber").asInt() >= 1);
            assertEquals(3, parking.get("totalSpotNumber").asInt());
            assertTrue(parking.get("availableSpotNumber").isInt());
            assertEquals(2, parking.get("availableSpotNumber").asInt());
            assertUniqueArrayOf(SITE_STATUS, parking.get("status"));
            assertEquals("spacesAvailable", parking.get("status").get(0).asText());
            assertUniqueArrayOf(SITE_CATEGORY, parking.get("category"));
            assertTrue(parking.get("category").toString().contains("forElectricalCharging"));

            lot.set(Occupancy.OCCUPIED, Occupancy.OCCUPIED, Occupancy.OCCUPIED);
            assertEquals("full", entities(lot, "?type=OffStreetParking&options=keyValues").get(0).get("status").get(0).asText());
        }
    }

    @Test
    void aLotThatIsNotLiveTellsNoStateAsCurrent() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, located, Occupancy.FREE, Occupancy.OCCUPIED)) {
            lot.lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
            for (JsonNode spot : entities(lot, "?type=ParkingSpot&options=keyValues")) {
                assertEquals("unknown", spot.get("status").asText());
            }
            JsonNode parking = entities(lot, "?type=OffStreetParking&options=keyValues").get(0);
            assertFalse(parking.has("availableSpotNumber"));
            assertUniqueArrayOf(SITE_STATUS, parking.get("status"));
        }
    }

    @Test
    void theNormalisedFormIsNgsiLdWithItsContext() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, located, Occupancy.FREE, Occupancy.OCCUPIED)) {
            HttpResponse<String> response = lot.get("/ngsi-ld/v1/entities?type=ParkingSpot,OffStreetParking");
            assertEquals(200, response.statusCode());
            assertEquals("application/ld+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonNode all = JSON.readTree(response.body());
            assertEquals(3, all.size());
            JsonNode spot = all.get(0);
            assertEquals("Property", spot.get("status").get("type").asText());
            assertEquals("free", spot.get("status").get("value").asText());
            assertEquals("Relationship", spot.get("refParkingSite").get("type").asText());
            assertEquals("urn:ngsi-ld:OffStreetParking:east", spot.get("refParkingSite").get("object").asText());
            assertEquals("GeoProperty", spot.get("location").get("type").asText());
            assertPoint(spot.get("location").get("value"));
            assertTrue(spot.get("@context").toString().contains("ngsi-ld-core-context"));
            assertEquals(2, all.get(2).get("totalSpotNumber").get("value").asInt());
        }
    }

    @Test
    void withoutCoordinatesABayGivesItsPositionInThePicture() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, LotIdentity.named("east"), Occupancy.FREE)) {
            JsonNode spot = entities(lot, "?type=ParkingSpot&options=keyValues").get(0);
            assertFalse(spot.has("location"));
            assertEquals(40.0, spot.get("imagePosition").get("x").asDouble(), 0.01);
        }
    }

    @Test
    void askingWithoutATypeIsABadRequestInNgsiLdWords() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, located, Occupancy.FREE)) {
            HttpResponse<String> response = lot.get("/ngsi-ld/v1/entities");
            assertEquals(400, response.statusCode());
            assertEquals("https://uri.etsi.org/ngsi-ld/errors/BadRequestData", JSON.readTree(response.body()).get("type").asText());
            assertEquals("[]", lot.get("/ngsi-ld/v1/entities?type=Building").body());
        }
    }

    private static JsonNode entities(OpenDataServer lot, String query) throws Exception {
        HttpResponse<String> response = lot.get("/ngsi-ld/v1/entities" + query);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static void assertUniqueArrayOf(Set<String> allowed, JsonNode array) {
        assertTrue(array.isArray() && array.size() >= 1, "an array of at least one: " + array);
        Set<String> seen = new HashSet<>();
        for (JsonNode item : array) {
            assertTrue(allowed.contains(item.asText()), item + " is not one of the schema's values");
            assertTrue(seen.add(item.asText()), "not unique: " + array);
        }
    }

    private static void assertPoint(JsonNode point) {
        assertEquals("Point", point.get("type").asText());
        assertEquals(13.405, point.get("coordinates").get(0).asDouble(), 1e-9, "GeoJSON is longitude first");
        assertEquals(52.52, point.get("coordinates").get(1).asDouble(), 1e-9);
    }
}
