package com.parkwatch.booking;

import com.parkwatch.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashTest {

    @TempDir
    Path dir;

    @Test
    void everyConfirmedBookingSurvivesAKill9() throws Exception {
        String url = Databases.sqlite(dir);
        Process loop = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BookingLoop.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> confirmed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(loop.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (confirmed.size() < 200 && (line = out.readLine()) != null) {
                confirmed.add(line);
            }
            // On Linux destroyForcibly is SIGKILL: no shutdown hooks, no chance to flush anything.
            loop.destroyForcibly();
            assertTrue(loop.waitFor(10, TimeUnit.SECONDS));
        }
        assertTrue(confirmed.size() == 200, "the loop confirmed " + confirmed.size() + " bookings before the kill");
        JdbcBookingStore reopened = JdbcBookingStore.open(url);
        for (String code : confirmed) {
            assertTrue(reopened.find(code).isPresent(), "booking " + code + " was confirmed but is gone");
        }
    }
}
