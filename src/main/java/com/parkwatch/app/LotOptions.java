package com.parkwatch.app;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingStore;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.watch.WatchOptions;

import java.nio.file.Path;
import java.time.Clock;

/** The command line's options for a running lot, made into its one {@link LotWatch}: for the kiosk and serve. */
final class LotOptions {

    private LotOptions() {
    }

    static LotWatch open(String video, Path mask, int loopCount, ModelOption model, StepOption step, StoreOptions store,
                         BookingRules rules, BookingStore bookings) throws SourceException {
        CorrectionFolder corrections = store.corrections();
        return LotWatch.open(new WatchOptions(video, loopCount, source -> SourceOptions.layoutFor(source, mask, video),
                model.loadWithCorrections(corrections), step.settings(), bookings, rules, corrections, Clock.systemUTC()));
    }
}
