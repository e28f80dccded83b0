package com.parkwatch.ui;

import com.parkwatch.lot.SpotState;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

/**
 * Every text of the kiosk, from the resource bundles {@code i18n/kiosk*.properties}, in the language chosen now; the
 * language button changes it, and every text bound through here follows. Times are in the language's own form
 * ("2:05 PM", "14:05").
 */
public final class Texts {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);
    /** Never the JVM's default locale's bundle for a language that has none: English is the base file. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ReadOnlyObjectWrapper<Locale> language = new ReadOnlyObjectWrapper<>();
    private final ZoneId zone;
    private ResourceBundle bundle;

    public Texts(Locale start) {
        this(start, ZoneId.systemDefault());
    }

    public Texts(Locale start, ZoneId zone) {
        this.zone = zone;
        use(start);
    }

    /** Switches to this language. */
    public void use(Locale next) {
        bundle = ResourceBundle.getBundle("i18n.kiosk", next, NO_FALLBACK);
        language.set(next);
    }

    /** The next language of {@link #LANGUAGES}, round. */
    public void nextLanguage() {
        use(LANGUAGES.get((LANGUAGES.indexOf(language.get()) + 1) % LANGUAGES.size()));
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
    }

    /** The text of a key in the language now, its {0}, {1} filled in. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), language.get()).format(args);
    }

    /** A key's text that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), language);
    }

    /** A text computed from other values that follows them and the language. */
    public StringBinding bind(Callable<String> text, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        all[0] = language;
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(text, all);
    }

    /** A spot state's word: "free", "frei". */
    public String state(SpotState state) {
        return get("state." + state.word());
    }

    /** "2:05 PM" in English, "14:05" in German. */
    public String time(Instant at) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(language.get()).withZone(zone).format(at);
    }
}
