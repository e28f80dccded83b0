package com.parkwatch.web;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers every answer carries, Jetty's own errors included: no framing by other sites, no guessing of content
 * types, no full addresses in referrers, and a content security policy that runs only the pages' own inline scripts
 * (by their hashes) and talks only to this server.
 */
final class SecurityHeaders {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * @param pages the pages served, whose inline scripts the policy allows
     * @param https whether the server answers HTTPS: then browsers are told to come back by HTTPS only
     */
    SecurityHeaders(List<String> pages, boolean https) {
        // A page in several languages has the same scripts: each hash once.
        Set<String> hashes = new LinkedHashSet<>();
        for (String page : pages) {
            Matcher m = INLINE_SCRIPT.matcher(page);
            while (m.find()) {
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(Sha256.of(m.group(1))) + "'");
            }
        }
        StringBuilder scripts = new StringBuilder("'self'");
        hashes.forEach(hash -> scripts.append(' ').append(hash));
        headers.put("Content-Security-Policy", "default-src 'self'; script-src " + scripts
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self';"
                + " base-uri 'none'; object-src 'none'; frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        if (https) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
    }

    void addTo(BiConsumer<String, String> response) {
        headers.forEach(response);
    }
}
