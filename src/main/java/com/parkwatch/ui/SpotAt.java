package com.parkwatch.ui;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;

import java.util.List;
import java.util.Optional;

/**
 * Which spot a tap on the live feed meant: the screen point brought back to the frame the feed shows (scaled and
 * letterboxed), then the spot whose outline holds it.
 */
final class SpotAt {

    private SpotAt() {
    }

    /**
     * @param shown           the layout, at the frame's size or any other of the same aspect
     * @param x               the tap, in the displayed picture's own coordinates (0 to {@code displayedWidth})
     * @param displayedWidth  how wide the picture is on screen
     */
    static Optional<Spot> tap(Layout shown, double x, double y, double displayedWidth) {
        double scale = shown.width() / displayedWidth;
        return inside(shown, x * scale, y * scale);
    }

    /** The spot whose outline holds this frame point; of overlapping outlines, the one whose centre is nearest. */
    static Optional<Spot> inside(Layout layout, double x, double y) {
        Spot best = null;
        double nearest = Double.MAX_VALUE;
        for (Spot s : layout.spots()) {
            if (holds(s.outline(), x, y)) {
                double d = Math.hypot(s.centre().x() - x, s.centre().y() - y);
                if (d < nearest) {
                    nearest = d;
                    best = s;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Ray casting: a point is inside when a ray from it crosses the outline an odd number of times. */
    private static boolean holds(List<Vertex> outline, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
            Vertex a = outline.get(i);
            Vertex b = outline.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
