package com.parkwatch.ui;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's PIN as a salted hash: {@code pbkdf2-sha256:ITERATIONS:SALT_HEX:HASH_HEX}, the JDK's
 * PBKDF2WithHmacSHA256 (no library to ship; the package's postinst makes the same hash with {@code openssl kdf}).
 * A copy of the configuration file then does not give the PIN away without guessing each PIN at PBKDF2's cost.
 * A plain PIN ({@code --pin}, for development) is hashed at start with a random salt.
 */
public final class OperatorPin {

    private static final Pattern HASH = Pattern.compile("pbkdf2-sha256:(\\d{1,7}):([0-9a-fA-F]{16,128}):([0-9a-fA-F]{64})");
    private static final Pattern DIGITS = Pattern.compile("\\d{4,12}");
    private static final int ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private OperatorPin(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Whether the text is a PIN of 4 to 12 digits or a hash of one, as {@code --pin} and {@code --pin-hash} take. */
    public static boolean isValid(String pinOrHash) {
        return pinOrHash != null && (DIGITS.matcher(pinOrHash).matches() || HASH.matcher(pinOrHash).matches());
    }

    /** From a hash as {@code --pin-hash} gives it, or from the digits of {@code --pin}. */
    public static OperatorPin of(String pinOrHash) {
        Matcher m = HASH.matcher(pinOrHash);
        if (m.matches()) {
            return new OperatorPin(Integer.parseInt(m.group(1)), HexFormat.of().parseHex(m.group(2)),
                    HexFormat.of().parseHex(m.group(3)));
        }
        if (!DIGITS.matcher(pinOrHash).matches()) {
            throw new IllegalArgumentException("the operator PIN is 4 to 12 digits, or a pbkdf2-sha256 hash of them");
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new OperatorPin(ITERATIONS, salt, derive(pinOrHash, salt, ITERATIONS));
    }

    /** The hash to put in the configuration as {@code --pin-hash}. */
    public String text() {
        return "pbkdf2-sha256:" + iterations + ":" + HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(hash);
    }

    /** Whether the digits entered are the PIN; slow on purpose (PBKDF2): call it off the FX thread. */
    boolean matches(String entered) {
        return MessageDigest.isEqual(hash, derive(entered, salt, iterations));
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        }
    }
}
