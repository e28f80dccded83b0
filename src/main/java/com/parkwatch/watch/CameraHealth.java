package com.parkwatch.watch;

import com.parkwatch.lot.SourceHealth;
import com.parkwatch.vision.align.CameraMove;
import com.parkwatch.vision.track.OccupancyTracker;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The camera's health at a sample, with what the operator should know of its moves: live, with a note once the
 * layout followed a knocked camera ("the camera moved 12 px right, 8 px down at 14:03; the layout followed"), or
 * failed while it is too far from the layout to watch the lot. The time is the wall clock's when the move was seen.
 */
final class CameraHealth {

    private final DateTimeFormatter time;
    private final Clock clock;
    private CameraMove seen;
    private Instant seenAt;

    CameraHealth(Clock clock) {
        this.clock = clock;
        time = DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone());
    }

    SourceHealth of(OccupancyTracker tracker) {
        CameraMove move = tracker.cameraMove().orElse(null);
        if (move == null) {
            return SourceHealth.live();
        }
        if (!move.equals(seen)) {
            seen = move;
            seenAt = clock.instant();
        }
        String note = move.describe(time.format(seenAt));
        return tracker.cameraLost() ? new SourceHealth(SourceHealth.State.FAILED, note, null) : SourceHealth.live(note);
    }
}
