package com.parkwatch.publish;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who the lot is to other systems: the id in MQTT topics, Home Assistant's entity ids and the NGSI-LD URNs, the
 * name and address people read, and where it is, when the operator said so.
 *
 * @param id        letters, digits, '_' and '-' only: it goes into topics and URNs as it is
 * @param latitude  degrees, or null when the lot's position is not known
 * @param longitude degrees, or null with latitude
 */
public record LotIdentity(String id, String name, String address, Double latitude, Double longitude) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public LotIdentity {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("--lot-id must be 1 to 64 letters, digits, '_' or '-', got \"" + id + "\"");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("a lot's position needs both latitude and longitude");
        }
        if (latitude != null && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
            throw new IllegalArgumentException("--lot-location must be LATITUDE,LONGITUDE in degrees (-90..90, -180..180)");
        }
        name = name == null || name.isBlank() ? id : name.strip();
        address = address == null || address.isBlank() ? null : address.strip();
    }

    public static LotIdentity named(String id) {
        return new LotIdentity(id, null, null, null, null);
    }

    public boolean located() {
        return latitude != null;
    }

    /** "52.5,13.4" into a lot at that place; one sentence when it is not two numbers. */
    public LotIdentity at(String latitudeCommaLongitude) {
        String[] parts = latitudeCommaLongitude.split(",");
        try {
            if (parts.length == 2) {
                return new LotIdentity(id, name, address, Double.parseDouble(parts[0].strip()),
                        Double.parseDouble(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("--lot-location must be LATITUDE,LONGITUDE in degrees, got \""
                + latitudeCommaLongitude + "\"");
    }

    /** A bay's label as a topic level or an id part: what is not a letter, digit, '_' or '-' becomes '_'. */
    public static String token(String label) {
        return label.replaceAll("[^A-Za-z0-9_-]", "_").toLowerCase(Locale.ROOT);
    }
}
