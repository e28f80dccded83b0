package com.parkwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.parkwatch.lot.Palette;
import com.parkwatch.lot.SourceHealth;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.booking.BookingRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route of the running server through a real HTTP client. */
class WebApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private TestLot lot;

    @BeforeEach
    void start() {
        lot = new TestLot(dir, FREE, OCCUPIED, FREE, FREE);
    }

    @AfterEach
    void stop() {
        lot.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lot.base + path)).header("Origin", lot.base);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private HttpResponse<String> book(String json) throws Exception {
        return send("POST", "/api/bookings", "application/json", json);
    }

    /** A 4xx whose body is a JSON error with a sentence, never a stack trace. */
    private static void assertClientError(int status, HttpResponse<String> r, String words) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("error").asText().contains(words), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    @Test
    void theLotsBookingRulesShapeTheBookingPageAndTheApi() throws Exception {
        assertClientError(422, book("{\"spot\":1,\"plate\":\"AB 1\",\"minutes\":5}"),
                "a booking lasts from 15 minutes to 24 hours, not 5 minutes");
        String defaults = get("/booking").body();
        assertTrue(defaults.contains("data-minutes=\"60\" aria-pressed=\"true\">1 h<"), defaults);

        BookingRules shortStayRules = new BookingRules(10, 120, List.of(10, 45, 90));
        try (TestLot shortStay = new TestLot(Files.createDirectories(dir.resolve("short")), shortStayRules, FREE)) {
            String page = http.send(HttpRequest.newBuilder(URI.create(shortStay.base + "/booking")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("<button type=\"button\" data-minutes=\"10\" aria-pressed=\"true\">10 min</button>"), page);
            assertTrue(page.contains("data-minutes=\"45\" aria-pressed=\"false\">45 min<")
                    && page.contains("data-minutes=\"90\" aria-pressed=\"false\">1 h 30 min<"), page);
            assertFalse(page.contains("data-minutes=\"240\"") || page.contains("{{"), page);
            assertTrue(page.contains("name=\"minutes\" value=\"10\""), page);
            HttpResponse<String> tooLong = http.send(HttpRequest.newBuilder(URI.create(shortStay.base + "/api/bookings"))
                    .header("Content-Type", "application/json").header("Origin", shortStay.base)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"spot\":1,\"plate\":\"AB 1\",\"minutes\":240}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertClientError(422, tooLong, "a booking lasts from 10 minutes to 2 hours, not 4 hours");
        }
    }

    @Test
    void parkingStatusListsTheFreeSpots() throws Exception {
        HttpResponse<String> r = get("/parking_status");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode s = JSON.readTree(r.body());
        assertEquals("[1,3,4]", s.get("free_spots").toString());
        assertEquals(3, s.get("free").asInt());
        assertEquals(4, s.get("total").asInt());
    }

    @Test
    void bookingReservesASpotEverywhereAndCancellingFreesIt() throws Exception {
        HttpResponse<String> created = book("{\"spot\":3,\"plate\":\"ab 123\",\"minutes\":60}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode b = JSON.readTree(created.body());
        String code = b.get("code").asText();
        assertEquals(3, b.get("spot").asInt());
        assertTrue(Instant.parse(b.get("until").asText()).isAfter(Instant.now().plusSeconds(59 * 60)));

        assertEquals("[1,4]", JSON.readTree(get("/parking_status").body()).get("free_spots").toString());
        JsonNode spot3 = JSON.readTree(get("/api/spots").body()).get("spots").get(2);
        assertEquals(3, spot3.get("id").asInt());
        assertEquals("reserved", spot3.get("state").asText());
        assertTrue(spot3.get("reserved").asBoolean());
        assertEquals(b.get("until").asText(), spot3.get("reserved_until").asText());
        assertEquals(70 * 2 + 10, spot3.get("x").asInt());

        assertClientError(409, book("{\"spot\":3,\"plate\":\"CD 456\",\"minutes\":30}"), "already booked");
        assertClientError(404, send("DELETE", "/api/bookings/NOTACODE", null, null), "no active booking");
        assertEquals(204, send("DELETE", "/api/bookings/" + code, null, null).statusCode());
        assertEquals("[1,3,4]", JSON.readTree(get("/parking_status").body()).get("free_spots").toString());
        assertClientError(404, send("DELETE", "/api/bookings/" + code, null, null), "no active booking");
    }

    @Test
    void aCarOnAReservedSpotShowsOccupiedAndReserved() throws Exception {
        assertEquals(201, book("{\"spot\":4,\"plate\":\"AB 1\",\"minutes\":30}").statusCode());
        lot.set(FREE, OCCUPIED, FREE, OCCUPIED);
        JsonNode spot4 = JSON.readTree(get("/api/spots").body()).get("spots").get(3);
        assertEquals("occupied", spot4.get("state").asText());
        assertTrue(spot4.get("reserved").asBoolean());
    }

    @Test
    void aFormPostIsRefused() throws Exception {
        assertClientError(403, send("POST", "/api/bookings", "application/x-www-form-urlencoded",
                "spot=1&plate=XY+99&minutes=30"), "JSON only");
        assertClientError(403, send("POST", "/api/bookings", "text/plain",
                "{\"spot\":1,\"plate\":\"XY 99\",\"minutes\":30}"), "JSON only");
        assertTrue(lot.bookings.active().isEmpty());
    }

    @Test
    void everyClientMistakeGetsA4xxWithAJsonError() throws Exception {
        assertClientError(400, book("{\"spot\":1,"), "not valid JSON");
        assertClientError(400, book("[1,2]"), "JSON object");
        assertClientError(400, book("{\"plate\":\"AB 1\",\"minutes\":60}"), "\"spot\"");
        assertClientError(400, book("{\"spot\":1,\"minutes\":60}"), "\"plate\"");
        assertClientError(400, book("{\"spot\":\"one\",\"plate\":\"AB 1\",\"minutes\":60}"), "\"spot\"");
        assertClientError(400, book("{\"spot\":1.5,\"plate\":\"AB 1\",\"minutes\":60}"), "\"spot\"");
        assertClientError(422, book("{\"spot\":1,\"plate\":\"" + "A".repeat(1000) + "\",\"minutes\":60}"), "licence plate");
        assertClientError(413, book("{\"spot\":1,\"plate\":\"" + "A".repeat(10_000) + "\",\"minutes\":60}"), "");
        assertClientError(422, book("{\"spot\":1,\"plate\":\"AB 1\",\"minutes\":5}"), "15 minutes");
        assertClientError(422, book("{\"spot\":99,\"plate\":\"AB 1\",\"minutes\":60}"), "no spot 99");
        assertClientError(409, book("{\"spot\":2,\"plate\":\"AB 1\",\"minutes\":60}"), "not free");
        assertClientError(404, get("/no/such/page"), "");
        assertClientError(405, send("PUT", "/parking_status", null, null), "");
        assertEquals("[]", JSON.readTree(get("/parking_status").body()).get("reserved_spots").toString());
    }

    @Test
    void servesThePagesAndTheSnapshot() throws Exception {
        HttpResponse<String> home = get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("ParkWatch") && home.body().contains("/api/events"));
        HttpResponse<String> booking = get("/booking");
        assertEquals(200, booking.statusCode());
        assertTrue(booking.body().contains("Licence plate"));
        HttpResponse<byte[]> jpeg = http.send(HttpRequest.newBuilder(URI.create(lot.base + "/snapshot.jpg")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, jpeg.statusCode());
        assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElse(""));
        assertEquals((byte) 0xFF, jpeg.body()[0]);
    }

    @Test
    void aBlindCameraIsSaidInEveryAnswerAndBookingsWaitFor503() throws Exception {
        JsonNode live = JSON.readTree(get("/parking_status").body());
        assertTrue(live.get("live").asBoolean());
        assertEquals("live", live.get("source").get("status").asText());
        assertTrue(Instant.parse(live.get("updated").asText()).isBefore(Instant.now().plusSeconds(1)));

        lot.lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
        JsonNode blind = JSON.readTree(get("/api/spots").body());
        assertFalse(blind.get("live").asBoolean());
        assertEquals("reconnecting", blind.get("source").get("status").asText());
        assertEquals("connection refused", blind.get("source").get("reason").asText());
        assertEquals(4, blind.get("spots").size(), "the last states are still given, marked not live");
        JsonNode blindStatus = JSON.readTree(get("/parking_status").body());
        assertFalse(blindStatus.get("live").asBoolean());
        assertEquals("[]", blindStatus.get("free_spots").toString(), "no spot offered as free while blind");
        assertTrue(blindStatus.get("free").isNull());
        assertEquals("[1,3,4]", blindStatus.get("last_seen_free_spots").toString());
        assertClientError(503, book("{\"spot\":1,\"plate\":\"AB 1\",\"minutes\":30}"), "not watching");

        lot.lot.health(SourceHealth.live());
        assertEquals(201, book("{\"spot\":1,\"plate\":\"AB 1\",\"minutes\":30}").statusCode());
    }

    @Test
    void thePagesTakeTheStatesColoursFromThePalette() throws Exception {
        HttpResponse<String> css = get("/palette.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(Palette.css("background"), css.body());
    }
}
