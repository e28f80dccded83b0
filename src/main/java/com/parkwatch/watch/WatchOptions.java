package com.parkwatch.watch;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SpotClassifier;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.RtspTransport;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a running lot is made of, as the command line says it.
 *
 * @param video       what {@code --video} names: a file, a stream, a camera, a folder or {@code sim}
 * @param loopCount   how many times to play a file
 * @param transport   how an RTSP camera's media travel
 * @param layouts     where the spots are: fitted to the opened source's frames, or before it can be opened
 * @param classifier  the model, already taught this camera's corrections
 * @param store       where bookings live; the caller closes it after the watch
 * @param corrections where the operators' corrections of this camera are kept
 */
public record WatchOptions(String video, int loopCount, RtspTransport transport, Layouts layouts, SpotClassifier classifier,
                           TrackerSettings tracker, BookingStore store, BookingRules rules, CorrectionFolder corrections,
                           Clock clock) {

    /** Where the spots are. */
    public interface Layouts {
        /** The layout fitted to an opened source's frames. */
        Layout fittedTo(FrameSource source);

        /** The layout at its own size, for a camera not reachable yet; refused when the layout has no size of its own. */
        Layout beforeSource();

        /**
         * Where the picture the layout was drawn on is kept (see {@link com.parkwatch.vision.align.ReferenceStill}),
         * in the data directory, named after the layout's file; null when the layout has no file of its own (the
         * simulated lot, a source's own).
         */
        default Path referenceStill() {
            return null;
        }
    }
}
