package com.parkwatch.ui;

import java.util.List;
import java.util.Locale;

/**
 * What the kiosk did, for {@code --report}: frames decoded, shown and dropped, the FX thread's time in our code and
 * how long after the JVM's start the first frame reached the screen (negative when none did).
 *
 * @param droppedBeforeScreen dropped before the first frame reached the screen: a camera's frames while the window
 *                            was being built
 * @param droppedSettling     dropped in the first seconds on screen, while layouts and the JIT settle
 */
public record KioskReport(long decoded, long shown, long dropped, long droppedBeforeScreen, long droppedSettling,
                          long settlingSeconds, double seconds, double sourceRate, String fxThread,
                          double firstFrameSeconds) {

    /** The lines {@code --report} prints. */
    public List<String> lines() {
        String frames = String.format(Locale.ROOT, "kiosk: %d frames decoded, %d shown, %d dropped (%d before the first"
                        + " reached the screen, %d in its first %d s there) in %.1f s (%.1f shown/s, source %.1f/s); %s",
                decoded, shown, dropped, droppedBeforeScreen, droppedSettling, settlingSeconds, seconds,
                shown / seconds, sourceRate, fxThread);
        return firstFrameSeconds < 0 ? List.of(frames) : List.of(frames, String.format(Locale.ROOT,
                "kiosk: first frame on screen %.2f s after the process started", firstFrameSeconds));
    }
}
