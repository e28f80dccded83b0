package com.parkwatch.booking;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The licence-plate rule, for the kiosk and the web alike: letters of the Latin alphabet (with their diacritics:
 * "MÜ-ÄÖ 12" is a German plate) and digits, grouped by single spaces or hyphens. A plate is upper-cased letter by
 * letter and nothing else is changed: no letter is folded ("ß" stays, "É" is not "E") and nothing is cut, so what is
 * booked is what the driver typed or a sentence says why not.
 */
public final class Plates {

    /** Characters at most, spaces and hyphens included: said to the driver before typing. */
    public static final int MAX_LENGTH = 12;
    private static final int MIN_CHARACTERS = 2;
    /** Latin-script letters (any accent, precomposed) and ASCII digits, in groups. */
    private static final Pattern PLATE = Pattern.compile("[\\p{IsLatin}0-9]+(?:[ -][\\p{IsLatin}0-9]+)*");

    /** Why a typed plate is refused. */
    public enum Problem { EMPTY, TOO_SHORT, TOO_LONG, NOT_A_PLATE }

    private Plates() {
    }

    /**
     * The plate as it is kept: composed (a typed "U" plus a combining diaeresis is "Ü"), upper case, trimmed, inner
     * blanks one space. It may still break the rule: {@link #problem} says.
     */
    public static String normalise(String typed) {
        String composed = Normalizer.normalize(typed.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
        StringBuilder upper = new StringBuilder(composed.length());
        // Letter by letter: String.toUpperCase turns "ß" into "SS", a silent change of the plate.
        composed.codePoints().forEach(c -> upper.appendCodePoint(Character.toUpperCase(c)));
        return upper.toString();
    }

    /** What is wrong with a normalised plate, if anything. */
    public static Optional<Problem> problem(String plate) {
        if (plate.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (plate.codePointCount(0, plate.length()) > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (!PLATE.matcher(plate).matches()) {
            return Optional.of(Problem.NOT_A_PLATE);
        }
        if (plate.codePoints().filter(Character::isLetterOrDigit).count() < MIN_CHARACTERS) {
            return Optional.of(Problem.TOO_SHORT);
        }
        return Optional.empty();
    }

    /** The plate to book, or a refusal in one sentence. */
    static String checked(String typed) {
        if (typed == null || typed.length() > 4 * MAX_LENGTH) {
            throw new BookingRejected(BookingRejected.Reason.INVALID, "give a licence plate of at most " + MAX_LENGTH
                    + " characters");
        }
        String plate = normalise(typed);
        Optional<Problem> problem = problem(plate);
        if (problem.isEmpty()) {
            return plate;
        }
        String shown = plate.length() > 20 ? plate.substring(0, 20) + "..." : plate;
        throw new BookingRejected(BookingRejected.Reason.INVALID, switch (problem.get()) {
            case TOO_LONG -> "\"" + shown + "\" is too long for a licence plate: at most " + MAX_LENGTH
                    + " characters, spaces and hyphens included";
            default -> "\"" + shown + "\" is not a licence plate: use 2 to " + MAX_LENGTH
                    + " letters and digits, spaces or hyphens between groups";
        });
    }
}
