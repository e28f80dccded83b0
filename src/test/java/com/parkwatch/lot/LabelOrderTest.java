package com.parkwatch.lot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Labels as drivers count them: runs of digits by value, whatever their length or leading zeros. */
class LabelOrderTest {

    private static int compare(String a, String b) {
        return Integer.signum(LabelOrder.INSTANCE.compare(a, b));
    }

    @Test
    void digitsCountByValueLettersAlphabeticallyWhateverTheirCase() {
        List<String> labels = new ArrayList<>(List.of("B1", "A10", "10", "a9", "9", "A2", "123456789012345678901", "100"));
        labels.sort(LabelOrder.INSTANCE);
        assertEquals(List.of("9", "10", "100", "123456789012345678901", "A2", "a9", "A10", "B1"), labels);
    }

    @Test
    void leadingZerosAreNotPartOfTheValue() {
        assertTrue(compare("A007", "A8") < 0, "7 before 8");
        assertTrue(compare("010", "9") > 0, "10 after 9");
        assertEquals(0, compare("A07B", "a7b"), "the same bay written two ways");
        assertEquals(0, compare("0", "000"));
        assertTrue(compare("0", "1") < 0);
        assertTrue(compare("A7", "A7B") < 0, "the shorter first when one begins the other");
    }
}
