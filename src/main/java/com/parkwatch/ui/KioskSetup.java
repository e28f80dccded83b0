package com.parkwatch.ui;

import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.track.EngineLoop;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.track.OccupancyTracker;

import java.nio.file.Path;

/**
 * Everything the kiosk needs, built by the application's wiring.
 *
 * @param screenshot  when set, write a PNG of the window after {@code afterFrames} frames on screen and exit
 * @param publisher   publishes each sampled state to {@code lot} (and whatever else the wiring wants, such as the
 *                    web's snapshot)
 * @param report      print frames decoded, shown and dropped and the FX thread's time in our code at exit
 * @param corrections where operators' corrections of this camera are kept (and were taught to the tracker's
 *                    classifier at start)
 * @param fullScreen  kiosk mode: full screen, no exit hint, no escape key; the operator leaves with Ctrl+Alt+Q and
 *                    {@code operatorPin}
 */
public record KioskSetup(FrameSource source, Layout layout, OccupancyTracker tracker, LiveLot lot,
                         EngineLoop.SampleListener publisher, BookingService bookings, CorrectionFolder corrections,
                         boolean fullScreen, String operatorPin, Path screenshot,
                         long afterFrames, boolean report) {

    public KioskSetup {
        if (fullScreen && (operatorPin == null || !operatorPin.matches("\\d{4,12}"))) {
            throw new IllegalArgumentException("kiosk mode needs an operator PIN of 4 to 12 digits (--pin)");
        }
    }
}
