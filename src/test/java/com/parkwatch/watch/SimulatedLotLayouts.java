package com.parkwatch.watch;

import com.parkwatch.lot.Layout;
import com.parkwatch.vision.video.FrameSource;

/** The simulated lot's own layout, for tests that run a watch on {@code sim}. */
public final class SimulatedLotLayouts implements WatchOptions.Layouts {

    @Override
    public Layout fittedTo(FrameSource source) {
        return source.ownLayout().orElseThrow();
    }

    @Override
    public Layout beforeSource() {
        throw new IllegalStateException("the simulated lot is always there");
    }
}
