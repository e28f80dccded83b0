package com.parkwatch.lot;

import java.util.Locale;

/** What the camera says about a spot. */
public enum Occupancy {
    FREE, OCCUPIED, UNKNOWN;

    /** The lower-case word used in JSON and on screen. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
