package com.parkwatch.publish;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The header that proves a webhook came from this lot: {@code X-ParkWatch-Signature: sha256=<hex>}, the HMAC-SHA256
 * of the body under the shared secret. The body carries its time ({@code at}), so a receiver can refuse replays.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-ParkWatch-Signature";

    private WebhookSignature() {
    }

    public static String of(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java", e);
        }
    }
}
