package com.parkwatch.app;

import com.parkwatch.booking.BookingRules;
import com.parkwatch.booking.BookingStore;
import com.parkwatch.lot.Layout;
import com.parkwatch.vision.align.ReferenceStill;
import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.layout.LayoutLoader;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.RtspTransport;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.video.SourceNames;
import com.parkwatch.watch.LotWatch;
import com.parkwatch.watch.WatchOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line's options for a running lot, made into its one {@link LotWatch}: for the kiosk and serve. */
final class LotOptions {

    private LotOptions() {
    }

    /** A lot of one camera or several, each with its own layout and its own copy of the model. */
    static LotWatch open(List<CameraOptions.Camera> cameras, int loopCount, RtspTransport transport, ModelOption model,
                         StepOption step, StoreOptions store, BookingRules rules, BookingStore bookings)
            throws SourceException {
        CorrectionFolder corrections = store.corrections();
        List<WatchOptions.Camera> watched = new ArrayList<>();
        for (int c = 0; c < cameras.size(); c++) {
            CameraOptions.Camera camera = cameras.get(c);
            watched.add(new WatchOptions.Camera(camera.video(), layouts(camera.video(), camera.mask(), c + 1, step, store),
                    model.loadWithCorrections(corrections)));
        }
        return LotWatch.open(new WatchOptions(watched, loopCount, transport, step.settings(), bookings, rules,
                corrections, Clock.systemUTC()));
    }

    /** @param number the camera's, from 1: the picture its layout was drawn on is its own, even on the same mask */
    private static WatchOptions.Layouts layouts(String video, Path mask, int number, StepOption step,
                                                StoreOptions store) {
        return new WatchOptions.Layouts() {
            @Override
            public Layout fittedTo(FrameSource source) {
                step.checkAgainst(source);
                return SourceOptions.layoutFor(source, mask, video);
            }

            @Override
            public Layout beforeSource() {
                if (mask == null || mask.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    throw new IllegalArgumentException("the camera " + SourceNames.redacted(video) + " does not answer, and --mask "
                            + (mask == null ? "is missing" : "is a PKLot XML, which has no size of its own")
                            + ": the lot cannot start before the camera does");
                }
                return LayoutLoader.read(mask, 0, 0);
            }

            @Override
            public Path referenceStill() {
                // A PKLot XML describes a dataset's pictures, not a camera of this lot.
                if (mask == null || mask.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    return null;
                }
                return ReferenceStill.forLayout(store.dataDir(),
                        number == 1 ? mask : Path.of("camera-" + number + "-" + mask.getFileName()));
            }
        };
    }
}
