package com.parkwatch.lot;

import java.util.Comparator;

/**
 * Labels in the order a driver expects them: runs of digits by their value, the rest alphabetically, so "A2" comes
 * before "A10" and "9" before "10".
 */
final class LabelOrder implements Comparator<String> {

    static final LabelOrder INSTANCE = new LabelOrder();

    private LabelOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byValue = compareNumbers(a, i, endA, b, j, endB);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                int byLetter = Character.compare(Character.toUpperCase(ca), Character.toUpperCase(cb));
                if (byLetter != 0) {
                    return byLetter;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Two runs of digits by value, however long (leading zeros ignored): the longer is larger, else the first digit
     * that differs. In place: the kiosk sorts a lot's labels at each sample, and a pattern compiled per comparison
     * held its FX thread for up to 100 ms.
     */
    private static int compareNumbers(String a, int fromA, int endA, String b, int fromB, int endB) {
        int x = skipZeros(a, fromA, endA);
        int y = skipZeros(b, fromB, endB);
        if (endA - x != endB - y) {
            return Integer.compare(endA - x, endB - y);
        }
        for (; x < endA; x++, y++) {
            if (a.charAt(x) != b.charAt(y)) {
                return Character.compare(a.charAt(x), b.charAt(y));
            }
        }
        return 0;
    }

    /** Where a run's value starts: after its leading zeros, keeping the last digit ("000" is 0). */
    private static int skipZeros(String s, int from, int end) {
        while (from < end - 1 && s.charAt(from) == '0') {
            from++;
        }
        return from;
    }
}
