package com.parkwatch.lot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a bay is for, beyond parking: set in the layout by the operator, shown beside the bay's state with a symbol
 * and a word (colour is never the only cue), and given to the open-data feeds.
 */
public enum BayType {
    /** Wide bay for drivers with a disabled badge. */
    ACCESSIBLE("accessible", "\u267F"),
    /** Bay with a charging point. */
    EV_CHARGING("ev_charging", "\u26A1"),
    /** Kept for staff: never offered to drivers. */
    STAFF_ONLY("staff_only", "S"),
    /** Out of use for good (the operator's temporary closures are kept by the booking service). */
    CLOSED("closed", "\u2715");

    private final String word;
    private final String symbol;

    BayType(String word, String symbol) {
        this.word = word;
        this.symbol = symbol;
    }

    /** The type's name in files and the API. */
    public String word() {
        return word;
    }

    /** A one-character mark drawn beside the bay's label. */
    public String symbol() {
        return symbol;
    }

    public static Optional<BayType> ofWord(String word) {
        String wanted = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.word.equals(wanted)).findFirst();
    }
}
