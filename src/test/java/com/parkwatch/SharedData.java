package com.parkwatch;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real third-party data beside the checkout ({@code ../shared/data}). In CI ({@code CI=true}) a missing file
 * fails the test; elsewhere the test is skipped with a message saying what is missing.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path require(String relative) {
        String root = System.getenv().getOrDefault("PARKWATCH_SHARED_DATA", "../shared/data");
        Path path = Path.of(root, relative);
        if (!Files.exists(path)) {
            String message = "real data " + path + " is missing";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI must have ../shared/data beside the checkout");
            }
            Assumptions.abort(message + "; skipped outside CI");
        }
        return path;
    }
}
