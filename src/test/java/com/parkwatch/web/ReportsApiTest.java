package com.parkwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.booking.LotChange;
import com.parkwatch.booking.SpotChange;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SpotState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.parkwatch.lot.Occupancy.FREE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The utilisation route through a real HTTP client, on a real SQLite history: its figures, its formats, its refusals. */
class ReportsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private TestLot lot;

    @BeforeEach
    void start() {
        lot = new TestLot(dir, FREE, FREE);
        // Two hours of a two-bay lot: bay 1 occupied for the first hour, bay 2 free throughout.
        lot.bookings.history().record(List.of(new SpotChange(T0, 1, SpotState.OCCUPIED, Occupancy.OCCUPIED),
                        new SpotChange(T0, 2, SpotState.FREE, Occupancy.FREE),
                        new SpotChange(T0.plusSeconds(3600), 1, SpotState.FREE, Occupancy.FREE)),
                heartbeats());
    }

    /** Live throughout: the recorder's heartbeat every minute. */
    private static List<LotChange> heartbeats() {
        return java.util.stream.IntStream.range(0, 180).mapToObj(m -> new LotChange(T0.plusSeconds(60L * m), true)).toList();
    }

    @AfterEach
    void stop() {
        lot.close();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(lot.base + ReportsApi.ROUTE + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersEachBaysAndEachHoursOccupancyAsJsonOrCsv() throws Exception {
        HttpResponse<String> r = get("?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode report = JSON.readTree(r.body());
        assertEquals(25.0, report.get("occupancy_percent").asDouble());
        assertEquals(100.0, report.get("observed_percent").asDouble());
        assertEquals(50.0, report.get("bays").get(0).get("occupancy_percent").asDouble());
        assertEquals(0.0, report.get("bays").get(1).get("occupancy_percent").asDouble());
        assertEquals(2, report.get("hours").size());
        assertEquals(50.0, report.get("hours").get(0).get("occupancy_percent").asDouble());
        assertEquals(1.0, report.get("hours").get(0).get("occupied_bays").asDouble());
        assertEquals(0.0, report.get("hours").get(1).get("occupancy_percent").asDouble());
        assertEquals(1, report.get("peak_occupied").asInt());

        HttpResponse<String> csv = get("?from=2026-11-20T10:00:00Z&to=2026-11-20T12:00:00Z&format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("figure,value\n"), csv.body());
        assertTrue(csv.body().contains("\nspot,observed_percent,occupancy_percent,arrivals,average_stay_minutes\n1,100.0,50.0,0,\n"),
                csv.body());
    }

    @Test
    void countsTodaysBookings() throws Exception {
        lot.bookings.book(2, "AB 1", 60);
        String today = LocalDate.now().toString();
        JsonNode report = JSON.readTree(get("?from=" + today + "&to=" + today).body());
        assertEquals(1, report.get("bookings_made").asInt(), report.toString());
        assertEquals(0, report.get("bookings_kept").asInt());
    }

    @Test
    void refusesBadRangesInWords() throws Exception {
        String[][] refused = {
                {"", "give \"from\""},
                {"?from=2026-11-20", "give \"to\""},
                {"?from=yesterday&to=2026-11-20", "not a date"},
                {"?from=2026-11-20&to=2026-11-19", "the range is empty"},
                {"?from=2026-01-01&to=2026-11-20", "at most 93"},
                {"?from=2999-01-01&to=2999-01-02", "in the future"},
                {"?from=2026-11-20&to=2026-11-20&format=xml", "csv or json"},
                {"?from=" + "9".repeat(5000) + "&to=2026-11-20", "not a date"},
        };
        for (String[] bad : refused) {
            HttpResponse<String> r = get(bad[0]);
            assertEquals(400, r.statusCode(), bad[0]);
            String error = JSON.readTree(r.body()).get("error").asText();
            assertTrue(error.contains(bad[1]), bad[0] + ": " + error);
            assertTrue(r.headers().firstValue("X-Content-Type-Options").isPresent(), "the security headers");
        }
    }

    @Test
    void anAddressAsksAtMostTwentyReportsAMinute() throws Exception {
        for (int i = 0; i < ReportsApi.PER_MINUTE; i++) {
            assertEquals(200, get("?from=2026-11-20&to=2026-11-20").statusCode());
        }
        HttpResponse<String> r = get("?from=2026-11-20&to=2026-11-20");
        assertEquals(429, r.statusCode());
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("try again in a minute"));
    }
}
