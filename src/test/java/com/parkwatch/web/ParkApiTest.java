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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/parkapi} through a real HTTP client against the running server, field by field as ParkAPI2's API
 * v1 city answer has them (its test_api_v1: every lot key present, null where unknown, times UTC without offset).
 */
class ParkApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOT_KEYS = Set.of("address", "coords", "forecast", "free", "id", "lot_type", "name",
            "region", "state", "total");

    @TempDir
    Path dir;

    private static JsonNode city(OpenDataServer lot) throws Exception {
        HttpResponse<String> answer = lot.get(ParkApi.PATH);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode city = JSON.readTree(answer.body());
        assertEquals(Set.of("last_downloaded", "last_updated", "lots"), fields(city));
        assertEquals(1, city.get("lots").size());
        assertEquals(LOT_KEYS, fields(city.get("lots").get(0)));
        return city;
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aLiveLotGivesItsFreeSpacesAndTotalAsParkApiDoes() throws Exception {
        LotIdentity identity = new LotIdentity("north", "North car park", "1 Station Road", 52.52, 13.405);
        try (OpenDataServer lot = new OpenDataServer(dir, identity, Occupancy.FREE, Occupancy.OCCUPIED, Occupancy.FREE,
                Occupancy.FREE)) {
            lot.bookings.book(3, "PW 1", 30);
            JsonNode city = city(lot);
            JsonNode north = city.get("lots").get(0);
            assertEquals("north", north.get("id").asText());
            assertEquals("North car park", north.get("name").asText());
            assertEquals("1 Station Road", north.get("address").asText());
            assertEquals(52.52, north.get("coords").get("lat").asDouble());
            assertEquals(13.405, north.get("coords").get("lng").asDouble());
            assertEquals(4, north.get("total").asInt());
            assertEquals(1, north.get("free").asInt(), "A1 only: A2 occupied, A3 booked, A4 for staff");
            assertEquals("open", north.get("state").asText());
            assertEquals("Parkplatz", north.get("lot_type").asText());
            assertTrue(north.get("region").isNull());
            assertTrue(north.get("forecast").isBoolean() && !north.get("forecast").asBoolean());
            Instant downloaded = LocalDateTime.parse(city.get("last_downloaded").asText()).toInstant(ZoneOffset.UTC);
            assertTrue(Duration.between(downloaded, Instant.now()).abs().toSeconds() < 5, "UTC, without offset");
            assertTrue(city.get("last_downloaded").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
            assertTrue(city.get("last_updated").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
        }
    }

    @Test
    void aLotNotLiveOffersNoCountAsCurrent() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, LotIdentity.named("east"), Occupancy.FREE, Occupancy.FREE)) {
            lot.lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
            JsonNode east = city(lot).get("lots").get(0);
            assertTrue(east.get("free").isNull(), east.toString());
            assertEquals("nodata", east.get("state").asText());
            assertEquals(2, east.get("total").asInt());
            assertTrue(east.get("coords").isNull(), "no position given: none made up");
            assertTrue(east.get("address").isNull());
            assertEquals("east", east.get("name").asText());
        }
    }
}
