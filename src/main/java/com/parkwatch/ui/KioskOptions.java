package com.parkwatch.ui;

import com.parkwatch.ui.editor.SetupOptions;

import java.nio.file.Path;

/**
 * How the kiosk shows itself.
 *
 * @param fullScreen  kiosk mode: full screen, no exit hint, no escape key; the operator leaves with Ctrl+Alt+Q and
 *                    {@code operatorPin} (its digits, or their hash as {@link OperatorPin} writes it)
 * @param screenshot  when set, write a PNG of the window after {@code afterFrames} frames on screen and exit
 * @param webNotice   a line for the operator about the web pages (why they are off), or empty
 * @param setup       the layout editor's: whether the kiosk starts in it, where it saves and imports from
 */
public record KioskOptions(boolean fullScreen, String operatorPin, Path screenshot, long afterFrames, String webNotice,
                           SetupOptions setup) {

    public KioskOptions(boolean fullScreen, String operatorPin, Path screenshot, long afterFrames, String webNotice) {
        this(fullScreen, operatorPin, screenshot, afterFrames, webNotice, SetupOptions.defaults());
    }

    public KioskOptions {
        if (fullScreen && !OperatorPin.isValid(operatorPin)) {
            throw new IllegalArgumentException("--kiosk needs --pin-hash, or --pin with 4 to 12 digits");
        }
        if (afterFrames < 1) {
            throw new IllegalArgumentException("--after-frames must be at least 1, got " + afterFrames);
        }
        webNotice = webNotice == null ? "" : webNotice;
    }
}
