package com.parkwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.lot.BayType;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML pages in every language the web speaks, filled in once at start: {@code {{key}}} by the text of
 * {@code i18n/web*.properties}, {@code {{lang}}} by the language's tag, {@code {{texts}}} by all texts as JSON for the
 * page's script (in a JSON data block, so the inline scripts stay the same in every language and keep their CSP
 * hashes). The scripts' common start, {@code web/prelude.js}, is put in place of {@code {{prelude}}} (inline, so the
 * page needs no second request and its hash covers it). The language is the best of {@code Accept-Language} the web
 * speaks, else English.
 */
final class Pages {

    /** The languages the pages are written in, the first the default. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);
    private static final Pattern KEY = Pattern.compile("\\{\\{([a-zA-Z]+\\.[a-zA-Z.]+)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<Locale, String>> pages = new LinkedHashMap<>();

    /** @param rules the booking rules: the booking page's duration buttons and the receipt's longest stay */
    Pages(BookingRules rules) {
        String prelude = resource("/web/prelude.js");
        for (String name : List.of("index", "booking", "receipt")) {
            String template = resource("/web/" + name + ".html").replace("{{prelude}}\n", prelude);
            Map<Locale, String> byLanguage = new LinkedHashMap<>();
            for (Locale language : LANGUAGES) {
                byLanguage.put(language, fill(withDurations(template, rules), texts(language), language));
            }
            pages.put(name, byLanguage);
        }
    }

    /** Every page in every language: the security headers allow their inline scripts. */
    List<String> all() {
        List<String> all = new ArrayList<>();
        pages.values().forEach(byLanguage -> all.addAll(byLanguage.values()));
        return all;
    }

    /** Answers with the page in the client's language, saying which, and that the answer depends on it. */
    void serve(Context ctx, String name) {
        Locale language = language(ctx.header("Accept-Language"));
        ctx.header("Content-Language", language.toLanguageTag()).header("Vary", "Accept-Language");
        ctx.html(pages.get(name).get(language));
    }

    /** The best language of an {@code Accept-Language} header the pages are written in; English otherwise. */
    static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LANGUAGES.get(0);
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return best == null ? LANGUAGES.get(0) : best;
        } catch (IllegalArgumentException malformed) {
            return LANGUAGES.get(0);
        }
    }

    /** The texts of one language, exactly: no fallback to the machine's own language. */
    static Map<String, String> texts(Locale language) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.web", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new TreeMap<>();
        bundle.keySet().forEach(key -> texts.put(key, bundle.getString(key)));
        return texts;
    }

    private static String fill(String template, Map<String, String> texts, Locale language) {
        Matcher m = KEY.matcher(template);
        StringBuilder page = new StringBuilder();
        while (m.find()) {
            String text = texts.get(m.group(1));
            if (text == null) {
                throw new IllegalStateException("the page text " + m.group(1) + " is missing in " + language);
            }
            m.appendReplacement(page, Matcher.quoteReplacement(escape(text)));
        }
        m.appendTail(page);
        return page.toString().replace("{{lang}}", language.toLanguageTag())
                .replace("{{texts}}", scriptJson(texts));
    }

    /** The texts, the bay types' symbols and words, as JSON that cannot end its script block. */
    private static String scriptJson(Map<String, String> texts) {
        Map<String, Object> all = new LinkedHashMap<>(texts);
        Map<String, String> symbols = new LinkedHashMap<>();
        for (BayType type : BayType.values()) {
            symbols.put(type.word(), type.symbol());
        }
        all.put("symbols", symbols);
        try {
            return JSON.writeValueAsString(all).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always write as JSON", e);
        }
    }

    /** The booking page's button for each duration the lot's rules offer, the first choice pressed. */
    private static String withDurations(String page, BookingRules rules) {
        StringBuilder buttons = new StringBuilder();
        for (int minutes : rules.presetMinutes()) {
            buttons.append("      <button type=\"button\" data-minutes=\"").append(minutes).append('"')
                    .append(minutes == rules.firstChoice() ? " aria-pressed=\"true\"" : " aria-pressed=\"false\"")
                    .append('>').append(BookingRules.label(minutes)).append("</button>\n");
        }
        return page.replace("{{durations}}\n", buttons.toString())
                .replace("{{first-minutes}}", Integer.toString(rules.firstChoice()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String path) {
        try (InputStream in = Pages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the page " + path + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
