package com.parkwatch.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The pages' languages: chosen from Accept-Language, and every text written in each. */
class PagesTest {

    @Test
    void everyTextIsWrittenInEveryLanguage() {
        Map<String, String> english = Pages.texts(Locale.ENGLISH);
        for (Locale language : Pages.LANGUAGES) {
            Map<String, String> texts = Pages.texts(language);
            assertEquals(english.keySet(), texts.keySet(), language + " has the same texts as English");
            texts.forEach((key, text) -> assertFalse(text.isBlank(), language + " " + key));
        }
        assertNotEquals(english.get("booking.confirm"), Pages.texts(Locale.GERMAN).get("booking.confirm"));
    }

    @Test
    void theLanguageIsTheBrowsersBestThatThePagesSpeakElseEnglish() {
        assertEquals(Locale.GERMAN, Pages.language("de-DE,de;q=0.9,en;q=0.8"));
        assertEquals(Locale.GERMAN, Pages.language("fr-FR, de;q=0.5, en;q=0.4"));
        assertEquals(Locale.ENGLISH, Pages.language("en-GB,de;q=0.5"));
        assertEquals(Locale.ENGLISH, Pages.language("fr, ja"));
        assertEquals(Locale.ENGLISH, Pages.language(null));
        assertEquals(Locale.ENGLISH, Pages.language(";;;q=x,\u0000"), "a malformed header is not an error");
    }
}
