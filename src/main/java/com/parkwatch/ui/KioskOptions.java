package com.parkwatch.ui;

import com.parkwatch.ui.editor.SetupOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How the kiosk shows itself.
 *
 * @param fullScreen     kiosk mode: full screen, no exit hint, no escape key; the operator leaves with Ctrl+Alt+Q and
 *                       {@code operatorPin} (its digits, or their hash as {@link OperatorPin} writes it)
 * @param screenshot     when set, write a PNG of the window after {@code afterFrames} frames on screen and exit
 * @param webNotice      why the web pages are off ("--port -1", "port 8080 is in use on 127.0.0.1"), shown under
 *                       the header in the kiosk's language; empty while they are on
 * @param language       the language the kiosk starts in ({@link Texts#LANGUAGES}); a button on screen changes it
 * @param size           the window's size; null: the screen's (a screenshot's: {@link WindowSize#SCREENSHOT})
 * @param webBase        where phones reach the web pages ("http://192.168.1.5:8080"), for the receipt's QR code;
 *                       null when the web pages are off
 * @param receiptTimeout how long a receipt stays on screen unless the driver taps Done
 * @param setup          the layout editor's: whether the kiosk starts in it, where it saves and imports from
 */
public record KioskOptions(boolean fullScreen, String operatorPin, Path screenshot, long afterFrames, String webNotice,
                           Locale language, WindowSize size, String webBase, Duration receiptTimeout, SetupOptions setup) {

    public static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

    /** In English, at the screen's size, with no web pages, the receipt shown for 30 s, not starting in the editor. */
    public KioskOptions(boolean fullScreen, String operatorPin, Path screenshot, long afterFrames, String webNotice) {
        this(fullScreen, operatorPin, screenshot, afterFrames, webNotice, Locale.ENGLISH, null, null, RECEIPT_TIMEOUT,
                SetupOptions.defaults());
    }

    public KioskOptions {
        if (fullScreen && !OperatorPin.isValid(operatorPin)) {
            throw new IllegalArgumentException("--kiosk needs --pin-hash, or --pin with 4 to 12 digits");
        }
        if (afterFrames < 1) {
            throw new IllegalArgumentException("--after-frames must be at least 1, got " + afterFrames);
        }
        if (!Texts.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("--lang must be one of en, de; got " + language.getLanguage());
        }
        if (receiptTimeout.isNegative() || receiptTimeout.isZero()) {
            throw new IllegalArgumentException("the receipt must stay on screen for some time, not " + receiptTimeout);
        }
        webNotice = webNotice == null ? "" : webNotice;
    }

    public KioskOptions withLanguage(Locale newLanguage) {
        return new KioskOptions(fullScreen, operatorPin, screenshot, afterFrames, webNotice, newLanguage, size, webBase,
                receiptTimeout, setup);
    }

    public KioskOptions withSize(WindowSize newSize) {
        return new KioskOptions(fullScreen, operatorPin, screenshot, afterFrames, webNotice, language, newSize, webBase,
                receiptTimeout, setup);
    }

    /** The web pages' address for phones, or their absence and why ({@code base} null, {@code notice} the reason). */
    public KioskOptions withWeb(String base, String notice) {
        return new KioskOptions(fullScreen, operatorPin, screenshot, afterFrames, notice, language, size, base,
                receiptTimeout, setup);
    }

    public KioskOptions withReceiptTimeout(Duration timeout) {
        return new KioskOptions(fullScreen, operatorPin, screenshot, afterFrames, webNotice, language, size, webBase,
                timeout, setup);
    }

    public KioskOptions withSetup(SetupOptions newSetup) {
        return new KioskOptions(fullScreen, operatorPin, screenshot, afterFrames, webNotice, language, size, webBase,
                receiptTimeout, newSetup);
    }

    /** The window's size: the one asked for, else a screenshot's default, else null (the screen's). */
    WindowSize windowSize() {
        return size != null ? size : screenshot != null ? WindowSize.SCREENSHOT : null;
    }
}
