package com.parkwatch.ui;

import com.parkwatch.booking.BookingService;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LiveLot;
import com.parkwatch.vision.FrameSource;
import com.parkwatch.vision.OccupancyTracker;

import java.nio.file.Path;

/**
 * Everything the kiosk needs, built by the application's wiring.
 *
 * @param screenshot  when set, write a PNG of the window after {@code afterFrames} frames on screen and exit
 * @param fullScreen  kiosk mode: full screen, no exit hint, no escape key
 */
public record KioskSetup(FrameSource source, Layout layout, OccupancyTracker tracker, LiveLot lot,
                         BookingService bookings, boolean fullScreen, Path screenshot, long afterFrames) {
}
