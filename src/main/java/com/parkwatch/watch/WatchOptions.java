package com.parkwatch.watch;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.SpotClassifier;
import com.parkwatch.vision.track.TrackerSettings;
import com.parkwatch.vision.video.FrameSource;

import java.time.Clock;
import java.util.function.Function;

/**
 * What a running lot is made of, as the command line says it.
 *
 * @param video       what {@code --video} names: a file, a stream, a camera, a folder or {@code sim}
 * @param loopCount   how many times to play a file
 * @param layoutFor   the layout fitted to the opened source's frames
 * @param classifier  the model, already taught this camera's corrections
 * @param store       where bookings live; the caller closes it after the watch
 * @param corrections where the operators' corrections of this camera are kept
 */
public record WatchOptions(String video, int loopCount, Function<FrameSource, Layout> layoutFor,
                           SpotClassifier classifier, TrackerSettings tracker, BookingStore store, BookingRules rules,
                           CorrectionFolder corrections, Clock clock) {
}
