package com.parkwatch.web;

import com.parkwatch.booking.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's secret for the operator API: read from its file, or, on the first start, drawn at random (256 bits)
 * and written there readable by its owner only. Compared in constant time.
 */
public final class OperatorToken {

    private static final int BYTES = 32;
    private final byte[] digest;

    private OperatorToken(String token) {
        digest = Sha256.of(token);
    }

    /** The token in {@code file}, made there first if the file does not exist. */
    public static OperatorToken readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[BYTES];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            PrivateFiles.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (token.length() < 16) {
            throw new IllegalArgumentException("the operator token in " + file + " is shorter than 16 characters");
        }
        return new OperatorToken(token);
    }

    /** Whether {@code given} is the token; its length and content take the same time to compare whatever they are. */
    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(digest, Sha256.of(given));
    }
}
