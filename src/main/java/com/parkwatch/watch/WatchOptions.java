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
import java.util.List;

/**
 * What a running lot is made of, as the command line says it.
 *
 * @param cameras     the lot's cameras, in the order given: camera 1 first
 * @param loopCount   how many times to play a file
 * @param transport   how an RTSP camera's media travel
 * @param store       where bookings live; the caller closes it after the watch
 * @param corrections where the operators' corrections are kept (spot numbers are the lot's, so one folder serves
 *                    every camera)
 */
public record WatchOptions(List<Camera> cameras, int loopCount, RtspTransport transport, TrackerSettings tracker,
                           BookingStore store, BookingRules rules, CorrectionFolder corrections, Clock clock) {

    public WatchOptions {
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("a lot needs a camera");
        }
        cameras = List.copyOf(cameras);
    }

    /** A lot with one camera. */
    public WatchOptions(String video, int loopCount, RtspTransport transport, Layouts layouts, SpotClassifier classifier,
                        TrackerSettings tracker, BookingStore store, BookingRules rules, CorrectionFolder corrections,
                        Clock clock) {
        this(List.of(new Camera(video, layouts, classifier)), loopCount, transport, tracker, store, rules, corrections,
                clock);
    }

    /**
     * One camera.
     *
     * @param video      what {@code --video} names: a file, a stream, a camera, a folder or {@code sim}
     * @param layouts    where its spots are: fitted to the opened source's frames, or before it can be opened
     * @param classifier the model, already taught the lot's corrections: one per camera, as each engine thread
     *                   classifies with scratch buffers of its own
     */
    public record Camera(String video, Layouts layouts, SpotClassifier classifier) {
    }

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
