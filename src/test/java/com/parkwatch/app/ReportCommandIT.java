package com.parkwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar end to end: serve watches the simulated lot and keeps its history, its route reports it while it
 * runs, and the report command reads the same history afterwards, as CSV and JSON; bad input is refused in one line.
 */
class ReportCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void serveKeepsTheHistoryItsRouteAndTheReportCommandReadIt() throws Exception {
        String today = LocalDate.now().toString();
        Process serve = Jar.start(dir, "serve", "--video", "sim", "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--history-days", "30");
        JsonNode live;
        try (BufferedReader out = serve.inputReader()) {
            String banner = out.readLine();
            assertTrue(banner != null && banner.startsWith("serving http://127.0.0.1:"), "first line: " + banner);
            String base = banner.substring("serving ".length(), banner.indexOf('/', "serving http://".length()));
            HttpClient http = HttpClient.newHttpClient();
            JsonNode status = JSON.readTree("{}");
            for (int tries = 0; tries < 100 && status.path("free").asInt() == 0; tries++) {
                Thread.sleep(200);
                status = JSON.readTree(get(http, base + "/parking_status").body());
            }
            int free = status.get("free_spots").get(0).asInt();
            HttpResponse<String> booked = http.send(HttpRequest.newBuilder(URI.create(base + "/api/bookings"))
                    .header("Content-Type", "application/json").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"spot\":" + free + ",\"plate\":\"PW 1\",\"minutes\":30}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, booked.statusCode(), booked.body());
            // The history is written every second; let a few pass.
            Thread.sleep(4000);
            HttpResponse<String> report = get(http, base + "/api/reports/utilisation?from=" + today + "&to=" + today);
            assertEquals(200, report.statusCode(), report.body());
            live = JSON.readTree(report.body());
        } finally {
            serve.destroy();
            serve.waitFor();
        }
        assertEquals(72, live.get("bay_count").asInt(), live.toString());
        assertEquals(1, live.get("bookings_made").asInt());
        assertTrue(live.get("peak_occupied").asInt() > 10, "the simulated lot's cars, seen live: " + live);

        Jar.Result json = Jar.run(dir, "report", "--from", today, "--to", today, "--format", "json", "--data-dir", "data");
        assertEquals(0, json.exit(), json.err());
        JsonNode after = JSON.readTree(json.out());
        assertEquals(72, after.get("bays").size());
        assertEquals(1, after.get("bookings_made").asInt());
        assertTrue(after.get("occupancy_percent").asDouble() > 10, "the simulated lot is busy: " + after);

        Jar.Result csv = Jar.run(dir, "report", "--from", today, "--to", today, "--data-dir", "data");
        assertEquals(0, csv.exit(), csv.err());
        assertTrue(csv.out().startsWith("figure,value\nfrom,"), csv.out());
        assertTrue(csv.out().contains("\nspot,observed_percent,occupancy_percent,arrivals,average_stay_minutes\n1,"), csv.out());
        assertTrue(csv.out().contains("\nhour,observed_percent,occupancy_percent,occupied_bays\n"), csv.out());

        Jar.Result south = Jar.run(dir, "report", "--from", today, "--to", today, "--format", "json", "--data-dir", "data",
                "--lot-id", "south");
        assertEquals(0, south.exit(), south.err());
        JsonNode other = JSON.readTree(south.out());
        assertEquals(0, other.get("bays").size(), "serve kept the default lot's history, not south's: " + other);
        assertEquals(0, other.get("bookings_made").asInt());
        Jar.Result bad = Jar.run(dir, "report", "--from", today, "--to", today, "--data-dir", "data", "--lot-id", "a b");
        assertEquals(1, bad.exit());
        assertEquals("parkwatch: --lot-id must be 1 to 64 letters, digits, '_' or '-', got \"a b\"", bad.err().strip());
    }

    @Test
    void badInputIsRefusedInOneSentence() throws Exception {
        assertRefused("there is no history at", "report", "--from", "2026-11-01", "--to", "2026-11-02", "--data-dir", "none");
        assertRefused("not a date", "report", "--from", "last week", "--to", "2026-11-02");
        assertRefused("at most 93", "report", "--from", "2026-01-01", "--to", "2026-11-02");
        assertRefused("csv or json", "report", "--from", "2026-11-01", "--to", "2026-11-02", "--format", "xml");
        assertRefused("--history-days must be from 1", "serve", "--video", "sim", "--port", "0", "--history-days", "0");
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(String expected, String... args) throws Exception {
        Jar.Result r = Jar.run(dir, args);
        assertEquals(1, r.exit(), String.join(" ", args) + "\nstderr: " + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("parkwatch: ") && err.contains(expected), "stderr: " + err);
        assertEquals(1, err.lines().count(), "one line only: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    }
}
