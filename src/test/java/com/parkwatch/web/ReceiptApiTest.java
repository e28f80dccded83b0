package com.parkwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receipt page's routes and the pages' languages, through a real HTTP client against the running server. */
class ReceiptApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private TestLot lot;

    @BeforeEach
    void start() {
        // Bookings of at most 2 hours: an hour's booking may be extended twice by half an hour.
        lot = new TestLot(dir, new BookingRules(15, 120, List.of(30, 60)), FREE, OCCUPIED, FREE);
    }

    @AfterEach
    void stop() {
        lot.close();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String origin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lot.base + path));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> extend(String code, String body) throws Exception {
        return send("POST", "/api/bookings/" + code + "/extension", "application/json", body, lot.base);
    }

    private String book(int spot) throws Exception {
        HttpResponse<String> r = send("POST", "/api/bookings", "application/json",
                "{\"spot\":" + spot + ",\"plate\":\"AB " + spot + "\",\"minutes\":60}", lot.base);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("code").asText();
    }

    private static JsonNode refused(int status, HttpResponse<String> r, String words) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("error").asText().contains(words), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        return body;
    }

    @Test
    void theReceiptShowsTheBookingExtendsItWithinTheLongestStayAndCancelsIt() throws Exception {
        String code = book(3);
        JsonNode shown = JSON.readTree(send("GET", "/api/bookings/" + code.toLowerCase(), null, null, null).body());
        assertEquals(code, shown.get("code").asText());
        assertEquals("3", shown.get("label").asText());
        assertEquals("AB 3", shown.get("plate").asText());
        assertEquals(30, shown.get("extend_minutes").asInt());
        assertEquals(120, shown.get("longest_minutes").asInt());
        Instant until = Instant.parse(shown.get("until").asText());

        HttpResponse<String> once = extend(code, "{\"minutes\":30}");
        assertEquals(200, once.statusCode(), once.body());
        assertEquals(until.plus(Duration.ofMinutes(30)), Instant.parse(JSON.readTree(once.body()).get("until").asText()));
        assertEquals(until.plus(Duration.ofMinutes(30)), lot.lot.view().spot(3).orElseThrow().reservedUntil(),
                "the lot holds the spot until the new end");
        JsonNode twice = JSON.readTree(extend(code, "{\"minutes\":30}").body());
        assertEquals(0, twice.get("extend_minutes").asInt(), "two hours: the longest stay");
        JsonNode tooLong = refused(422, extend(code, "{\"minutes\":30}"), "already lasts the longest");
        assertEquals("invalid", tooLong.get("reason").asText());

        assertEquals(204, send("DELETE", "/api/bookings/" + code, null, null, lot.base).statusCode());
        refused(404, send("GET", "/api/bookings/" + code, null, null, null), "no active booking");
        refused(404, extend(code, "{\"minutes\":30}"), "no active booking");
    }

    @Test
    void anExtensionComesOnlyFromTheLotsOwnPagesAsJson() throws Exception {
        String code = book(1);
        refused(403, send("POST", "/api/bookings/" + code + "/extension", "application/json", "{\"minutes\":30}", null),
                "own pages");
        refused(403, send("POST", "/api/bookings/" + code + "/extension", "application/json", "{\"minutes\":30}",
                "https://evil.example"), "own pages");
        refused(403, send("POST", "/api/bookings/" + code + "/extension", "application/x-www-form-urlencoded",
                "minutes=30", lot.base), "JSON only");
        refused(400, extend(code, "{\"minutes\":\"half an hour\"}"), "\"minutes\"");
        refused(400, extend(code, "not json"), "not valid JSON");
        refused(422, extend(code, "{\"minutes\":0}"), "can be extended by at most 1 hour");
        assertEquals(lot.bookings.active().get(0).start().plus(Duration.ofMinutes(60)), lot.bookings.active().get(0).end(),
                "nothing refused changed the booking");
    }

    @Test
    void wrongCodesAreCountedWhetherLookedUpOrExtendedAndThenTheAddressWaits() throws Exception {
        String code = book(1);
        for (int i = 0; i < 5; i++) {
            refused(404, send("GET", "/api/bookings/WRONG00" + i, null, null, null), "no active booking");
            refused(404, extend("WRONG10" + i, "{\"minutes\":30}"), "no active booking");
        }
        JsonNode waits = refused(429, send("GET", "/api/bookings/" + code, null, null, null), "too many wrong booking codes");
        assertEquals("too-many", waits.get("reason").asText());
        refused(429, send("DELETE", "/api/bookings/" + code, null, null, lot.base), "too many wrong booking codes");
    }

    @Test
    void aRefusedBookingSaysWhyInAWordThePageTranslates() throws Exception {
        assertEquals("not-free", refused(409, send("POST", "/api/bookings", "application/json",
                "{\"spot\":2,\"plate\":\"AB 1\",\"minutes\":60}", lot.base), "not free").get("reason").asText());
        book(1);
        assertEquals("already-booked", refused(409, send("POST", "/api/bookings", "application/json",
                "{\"spot\":1,\"plate\":\"CD 2\",\"minutes\":60}", lot.base), "already booked").get("reason").asText());
        assertEquals("unknown-spot", refused(422, send("POST", "/api/bookings", "application/json",
                "{\"spot\":9,\"plate\":\"CD 2\",\"minutes\":60}", lot.base), "no spot 9").get("reason").asText());
    }

    @Test
    void thePagesSpeakTheBrowsersLanguageWithTheSameScriptsAndTheirHashesInThePolicy() throws Exception {
        String code = book(1);
        for (String path : List.of("/", "/booking", "/bookings/" + code)) {
            HttpResponse<String> de = http.send(HttpRequest.newBuilder(URI.create(lot.base + path))
                    .header("Accept-Language", "de-CH, fr;q=0.8, en;q=0.5").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> en = http.send(HttpRequest.newBuilder(URI.create(lot.base + path))
                    .header("Accept-Language", "fr, *;q=0.1").build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(de.body().contains("<html lang=\"de\">"), path);
            assertEquals("de", de.headers().firstValue("Content-Language").orElse(""));
            assertTrue(de.headers().firstValue("Vary").orElse("").contains("Accept-Language"));
            assertTrue(en.body().contains("<html lang=\"en\">"), path + ": a language the pages lack gives English");
            assertFalse(de.body().contains("{{") || en.body().contains("{{"), path);
            assertEquals(scripts(en.body()), scripts(de.body()), "the same scripts in both languages: " + path);
            String policy = de.headers().firstValue("Content-Security-Policy").orElseThrow();
            for (String script : scripts(de.body())) {
                String hash = "'sha256-" + java.util.Base64.getEncoder().encodeToString(Sha256.of(script)) + "'";
                assertTrue(policy.contains(hash), path);
                assertEquals(policy.indexOf(hash), policy.lastIndexOf(hash), "each hash once");
            }
        }
        String german = http.send(HttpRequest.newBuilder(URI.create(lot.base + "/booking"))
                .header("Accept-Language", "de").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(german.contains("Kennzeichen") && german.contains("Buchung bestätigen"), german);
    }

    private static List<String> scripts(String page) {
        Matcher m = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
