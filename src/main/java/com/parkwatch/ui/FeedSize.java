package com.parkwatch.ui;

import com.parkwatch.lot.Layout;

/** The size the live feed is shown at: the camera's frame fitted into the feed's part of the screen, never larger. */
final class FeedSize {

    /** The feed's share of the window's width (the grid takes the rest) and the header's height. */
    static final double FEED_SHARE = 0.62;
    static final double HEADER = 110;

    private FeedSize() {
    }

    /** The layout at the size its frames are shown at in a window of this size. */
    static Layout forScreen(Layout camera, double windowWidth, double windowHeight) {
        double scale = Math.min(1, Math.min(windowWidth * FEED_SHARE / camera.width(),
                (windowHeight - HEADER) / camera.height()));
        if (scale >= 1) {
            return camera;
        }
        int width = (int) Math.round(camera.width() * scale);
        int height = (int) Math.round(camera.height() * scale);
        return camera.fittedTo(width, height);
    }
}
