package com.parkwatch.vision.align;

import com.parkwatch.lot.Layout;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the layout on the lot when the camera is knocked. Each sample's picture of the lot's fixed structure is
 * measured against the last one the layout fitted ({@link ShiftMeter}) and, when it jumped by a few pixels, turned
 * or zoomed a little, the layout moves with it. A move larger than a rigid shift of the layout can be
 * trusted for (the bays' perspective changes, spots leave the frame), or a picture that no longer matches the lot
 * twice running, is lost: the lot is then not watched until the camera is put back or the layout is checked.
 */
public final class CameraFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CameraFollower.class);

    /** What a sample showed of the camera, and so what the tracker does with it. */
    public enum Look {
        /** Where it was: track as usual. */
        STEADY,
        /** It moved and the layout followed: hold every state at this sample, the spots' pixels are new. */
        MOVED,
        /** Unclear (a camera mid-move): hold every state, one more sample decides. */
        UNSURE,
        /** Too far to follow: hold every state; the lot is not watched. */
        LOST
    }

    /**
     * A jump between samples smaller than this (frame pixels, at the farthest point) is sway or drift, which the
     * tracker bears, not a knock: the tutorial's drone clips drift up to 2.2 px between samples a second apart. On
     * frames larger than 1280x720 the jump is at least a pixel of the meter's picture ({@link ShiftMeter#smallestMove}).
     */
    static final double FOLLOW_FROM = 4;
    /** The largest shift followed, as a share of the frame's diagonal: 59 px at 1280x720. */
    static final double MAX_SHIFT_SHARE = 0.04;
    /** The largest turn followed, in degrees. */
    static final double MAX_TURN = 3;
    /** The largest zoom followed, either way, as a share of the picture's size. */
    static final double MAX_ZOOM = 0.05;

    private final Layout reference;
    private final ShiftMeter meter;
    private final ReferenceStill still;
    private Layout layout;
    private CameraShift followed = CameraShift.NONE;
    private boolean started;
    private boolean unsure;
    private boolean lost;
    private CameraMove lastFollowed;
    private CameraMove latest;

    /** @param reference the layout as drawn, on the picture the first sample will show */
    public CameraFollower(Layout reference) {
        this(reference, null);
    }

    /**
     * @param reference the layout as drawn
     * @param still     the picture the layout was drawn on, kept from an earlier run, so that a camera knocked
     *                  while the lot was not watched is followed at the first sample; written from the first sample
     *                  when it is missing or unusable. Null: the first sample is the reference.
     */
    public CameraFollower(Layout reference, ReferenceStill still) {
        this.reference = reference;
        this.layout = reference;
        this.still = still;
        meter = new ShiftMeter(reference.width(), reference.height());
        Optional<Mat> earlier = still == null ? Optional.empty() : still.read(meter.size());
        earlier.ifPresent(picture -> {
            meter.keep(picture);
            meter.fitLayout();
            picture.release();
            started = true;
        });
    }

    /** Looks at a sampled frame (BGR, at the layout's size); {@link #layout()} is where the spots are after it. */
    public Look look(Mat frame, long index, double time) {
        meter.look(frame);
        if (!started) {
            meter.keep();
            meter.fitLayout();
            if (still != null) {
                still.write(meter.currentGrey());
            }
            started = true;
            return Look.STEADY;
        }
        if (meter.keptIsFlat()) {
            // Nothing to tell a move by: whatever came into the picture is the tracker's to judge.
            meter.keep();
            return Look.STEADY;
        }
        Optional<CameraShift> quick = meter.shift();
        // A small shift with halves that moved apart or opposite ways is a turn or a zoom about the middle.
        Optional<CameraShift> jump = quick.filter(shift -> small(shift) && meter.bend() < meter.smallestMove());
        if (jump.isEmpty()) {
            // A shift may hide a turn, and an unclear peak may be one: ECC tells; a clear shift it cannot fit stays.
            jump = meter.fit(quick.orElse(CameraShift.NONE)).or(() -> quick);
        }
        if (jump.isEmpty()) {
            if (!unsure && !lost) {
                unsure = true;
                return Look.UNSURE;
            }
            return lose(null, index, time);
        }
        unsure = false;
        // A jump back to where the layout fits undoes drift it never followed: a looped clip starting again (read as
        // knocks of 8 to 15 px on the tutorial's 1080p clip, each moving the layout off the bays), a camera put back.
        if (small(jump.get()) || meter.shiftSinceFitted().filter(this::small).isPresent()) {
            if (lost) {
                LOG.warn("the camera is back where the layout is, at frame {}", index);
                lost = false;
                latest = lastFollowed;
            }
            // Sway and slow drift are the tracker's to bear; measuring from here, they never add up to a move.
            meter.keep();
            return Look.STEADY;
        }
        CameraShift total = followed.then(jump.get(), reference.width(), reference.height());
        if (Math.hypot(total.dx(), total.dy()) > MAX_SHIFT_SHARE * Math.hypot(reference.width(), reference.height())
                || Math.abs(total.degrees()) > MAX_TURN || Math.abs(total.scale() - 1) > MAX_ZOOM) {
            return lose(total, index, time);
        }
        followed = total;
        layout = total.apply(reference);
        meter.keep();
        meter.fitLayout();
        lost = false;
        lastFollowed = new CameraMove(true, total, index, time);
        latest = lastFollowed;
        // A warning: the camera was knocked, which someone should know of even when the layout followed.
        LOG.warn(lastFollowed.describe(videoTime(time) + " (frame " + index + ")"));
        return Look.MOVED;
    }

    private boolean small(CameraShift jump) {
        return jump.distanceTo(CameraShift.NONE, reference.width(), reference.height()) < meter.smallestMove();
    }

    private Look lose(CameraShift shift, long index, double time) {
        unsure = false;
        if (!lost) {
            lost = true;
            latest = new CameraMove(false, shift, index, time);
            LOG.warn(latest.describe(videoTime(time) + " (frame " + index + ")"));
        }
        return Look.LOST;
    }

    /** "1:05.0" into the video. */
    private static String videoTime(double seconds) {
        return String.format(Locale.ROOT, "%d:%04.1f", (long) (seconds / 60), seconds % 60);
    }

    /** Where the spots are now: the reference layout moved as far as the camera was followed. */
    public Layout layout() {
        return layout;
    }

    /** Whether the camera is too far from the layout to watch the lot. */
    public boolean lost() {
        return lost;
    }

    /** The latest move followed, or the move that lost the camera while it is lost; empty while the camera never moved. */
    public Optional<CameraMove> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public void close() {
        meter.close();
    }
}
