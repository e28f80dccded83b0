package com.parkwatch.web;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.publish.LotIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics: only with its token, strict Prometheus text, and it follows the lot. */
class MetricsRouteTest {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\"";
    private static final String VALUE = "(?:[-+]?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|\\.\\d+)|NaN|[+-]Inf)";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + ")(?:," + LABEL + ")*,?\\})? ("
            + VALUE + ")(?: -?\\d+)?");

    @TempDir
    Path dir;

    @Test
    void theMetricsNeedTheirOwnToken() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, LotIdentity.named("east"), Occupancy.FREE)) {
            assertEquals(401, lot.get("/metrics").statusCode());
            assertEquals(401, lot.get("/metrics", "Authorization", "Bearer " + lot.operatorToken).statusCode(),
                    "the operator's token is not the metrics token");
            HttpResponse<String> refused = lot.get("/metrics", "Authorization", "Bearer wrong");
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("\"error\""), refused.body());
        }
    }

    @Test
    void theMetricsParseAsPrometheusTextAndFollowTheLot() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, LotIdentity.named("east"), Occupancy.FREE, Occupancy.OCCUPIED,
                Occupancy.FREE)) {
            lot.get("/api/spots");
            lot.get("/no/such/page/12345");
            HttpResponse<String> response = lot.get("/metrics", "Authorization", "Bearer " + lot.metricsToken);
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            Map<String, Double> samples = parse(response.body());
            assertEquals(2.0, samples.get("parkwatch_spots_free"));
            assertEquals(3.0, samples.get("parkwatch_lot_size"));
            assertEquals(1.0, samples.get("parkwatch_lot_live"));
            assertEquals(1.0, samples.get("parkwatch_source_up"));
            assertEquals(300.0, samples.get("parkwatch_frames_decoded_total"));
            assertEquals(10.0, samples.get("parkwatch_frames_analysed_total"));
            assertEquals(10.0, samples.get("parkwatch_analysis_seconds_count"));
            assertEquals(0.05, samples.get("parkwatch_analysis_seconds_sum"), 1e-9);
            assertEquals(1.0, samples.get("parkwatch_source_reconnects_total"));
            assertTrue(samples.get("http_server_requests_seconds_count{method=\"GET\",route=\"/api/spots\",status=\"200\"}") >= 1,
                    samples.keySet().toString());
            assertTrue(samples.containsKey("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"),
                    samples.keySet().toString());
            assertFalse(response.body().contains("12345"), "a made-up path makes no meter of its own");

            lot.set(Occupancy.FREE, Occupancy.FREE, Occupancy.FREE);
            Map<String, Double> after = parse(lot.get("/metrics", "Authorization", "Bearer " + lot.metricsToken).body());
            assertEquals(3.0, after.get("parkwatch_spots_free"));
        }
    }

    /** Every line is a HELP, a TYPE or a sample of a declared family; samples by name and labels. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        Set<String> typed = new HashSet<>();
        assertTrue(text.endsWith("\n"), "the text ends with a line feed");
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                assertTrue(typed.add(type.group(1)), "TYPE twice for " + type.group(1));
                continue;
            }
            if (HELP.matcher(line).matches() || line.equals("# EOF")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not Prometheus text: " + line);
            String name = sample.group(1);
            assertTrue(typed.stream().anyMatch(name::startsWith), "no TYPE before " + line);
            String key = name + (sample.group(2) == null ? "" : sample.group(2));
            assertFalse(samples.containsKey(key), "the same series twice: " + key);
            samples.put(key, Double.parseDouble(sample.group(3).replace("Inf", "Infinity")));
        }
        return samples;
    }
}
