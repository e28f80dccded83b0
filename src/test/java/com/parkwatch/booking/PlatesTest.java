package com.parkwatch.booking;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatesTest {

    @Test
    void latinLettersWithDiacriticsAreKeptAndUpperCasedLetterByLetter() {
        assertEquals("MÜ-ÄÖ 12", Plates.checked(" mü-äö  12 "));
        assertEquals("ÉLAN 7", Plates.checked("élan 7"));
        // "ß" has no one-letter upper case: it stays, never folded to "SS".
        assertEquals("STRAßE 1", Plates.checked("Straße 1"));
        // A U typed with a combining diaeresis is the same plate as one typed with Ü.
        assertEquals("MÜ 1", Plates.checked("MU\u0308 1"));
    }

    @Test
    void aPlateTooLongIsRefusedInASentenceNotCut() {
        BookingRejected refused = assertThrows(BookingRejected.class, () -> Plates.checked("ABCDEFGHIJKLM"));
        assertTrue(refused.getMessage().contains("too long") && refused.getMessage().contains("12"), refused.getMessage());
        assertEquals(Optional.of(Plates.Problem.TOO_LONG), Plates.problem(Plates.normalise("ÄÄÄÄÄÄÄÄÄÄÄÄÄ")));
        assertEquals(Optional.empty(), Plates.problem(Plates.normalise("ÄÄÄÄÄÄÄÄÄÄÄÄ")), "12 letters with umlauts fit");
    }

    @Test
    void whatIsNoPlateIsRefused() {
        for (String plate : new String[]{"", "A", "AB--12", "AB_12", "<b>", "ΑΒ 12", "АБ 12"}) {
            assertTrue(Plates.problem(Plates.normalise(plate)).isPresent(), plate);
        }
    }

    @Test
    void codesTypedWithLookAlikesReadAsTheCode() {
        assertEquals("01AB1000", BookingCodes.normalise(" oIab L0o0 ".replace(" ", "")));
        assertTrue(BookingCodes.ALPHABET.chars().noneMatch(c -> "ILOU".indexOf(c) >= 0));
    }
}
