package com.parkwatch.booking;

import java.util.Locale;

/**
 * Booking codes: eight characters of Crockford's base 32, which leaves out I, L, O and U so that none is misread.
 * A code typed with a look-alike (I or L for 1, O for 0) is read as the code it looks like.
 */
public final class BookingCodes {

    /** The characters a code is made of, in the order the kiosk's keyboard shows them. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 8;

    private BookingCodes() {
    }

    /** Upper case, trimmed, look-alikes read as the digits they look like. */
    public static String normalise(String typed) {
        return typed.strip().toUpperCase(Locale.ROOT).replace('I', '1').replace('L', '1').replace('O', '0');
    }
}
