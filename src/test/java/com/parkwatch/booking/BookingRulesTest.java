package com.parkwatch.booking;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookingRulesTest {

    @Test
    void refusesDurationsOutsideTheBoundsInWordsADriverReads() {
        BookingRules rules = new BookingRules(10, 90, List.of(10, 30, 90));
        assertDoesNotThrow(() -> rules.check(10));
        assertDoesNotThrow(() -> rules.check(90));
        BookingRejected tooShort = assertThrows(BookingRejected.class, () -> rules.check(9));
        assertEquals(BookingRejected.Reason.INVALID, tooShort.reason());
        assertEquals("a booking lasts from 10 minutes to 90 minutes, not 9 minutes", tooShort.getMessage());
        assertEquals("a booking lasts from 15 minutes to 24 hours, not 25 hours",
                assertThrows(BookingRejected.class, () -> BookingRules.DEFAULT.check(25 * 60)).getMessage());
    }

    @Test
    void offersAnHourFirstWhenItCanElseTheShortestOffered() {
        assertEquals(60, BookingRules.DEFAULT.firstChoice());
        assertEquals(10, new BookingRules(10, 90, List.of(10, 30, 90)).firstChoice());
        assertEquals("10 min", BookingRules.label(10));
        assertEquals("2 h", BookingRules.label(120));
        assertEquals("1 h 30 min", BookingRules.label(90));
    }

    @Test
    void refusesRulesThatCannotWork() {
        assertRefused("at least 1 minute", 0, 60, List.of(30));
        assertRefused("at most a week", 15, 8 * 24 * 60, List.of(30));
        assertRefused("the shortest no longer than the longest", 120, 60, List.of(90));
        assertRefused("1 to 6 booking durations", 15, 600, List.of());
        assertRefused("1 to 6 booking durations", 15, 600, List.of(20, 30, 40, 50, 60, 70, 80));
        assertRefused("must rise and lie within 15 to 240", 15, 240, List.of(60, 30));
        assertRefused("must rise and lie within 15 to 240", 15, 240, List.of(10, 30));
        assertRefused("must rise and lie within 15 to 240", 15, 240, List.of(30, 300));
    }

    private static void assertRefused(String words, int shortest, int longest, List<Integer> presets) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BookingRules(shortest, longest, presets));
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
