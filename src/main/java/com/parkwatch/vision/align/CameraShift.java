package com.parkwatch.vision.align;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the picture moved against the lot's reference: a turn by {@code degrees} (clockwise) and a zoom by
 * {@code scale} (above 1: closer) about the frame's centre, then a shift by ({@code dx}, {@code dy}) frame pixels
 * (right and down are positive).
 */
public record CameraShift(double dx, double dy, double degrees, double scale) {

    public static final CameraShift NONE = new CameraShift(0, 0, 0, 1);

    /** A shift and a turn, no zoom. */
    public CameraShift(double dx, double dy, double degrees) {
        this(dx, dy, degrees, 1);
    }

    /** Below this turn (and a zoom of less than a pixel) a layout is moved as boxes (whole pixels), which keeps crops without a warp. */
    private static final double TURN_AS_BOX = 0.25;

    /** How far a point moves at most (frame pixels) between this shift and another, in a frame of that size. */
    public double distanceTo(CameraShift other, int width, int height) {
        double halfDiagonal = Math.hypot(width, height) / 2;
        double turn = Math.toRadians(Math.abs(degrees - other.degrees)) * halfDiagonal;
        return Math.hypot(dx - other.dx, dy - other.dy) + turn + Math.abs(scale - other.scale) * halfDiagonal;
    }

    /** This move and then another after it, both about the centre of a frame of that size. */
    public CameraShift then(CameraShift next, int width, int height) {
        double a = Math.toRadians(next.degrees);
        // The turn and zoom of the second move turn and stretch the first one's shift too.
        double x = next.scale * (dx * Math.cos(a) - dy * Math.sin(a)) + next.dx;
        double y = next.scale * (dx * Math.sin(a) + dy * Math.cos(a)) + next.dy;
        return new CameraShift(x, y, degrees + next.degrees, scale * next.scale);
    }

    /**
     * "12 px right, 8 px down", with the turn and zoom when there are: "turned 1.5 degrees clockwise", "zoomed in
     * 3%".
     */
    public String describe() {
        return describe("");
    }

    /** As the camera's move: "moved 12 px right, 8 px down", "turned 1.5 degrees clockwise, zoomed in 3%". */
    public String describeAsMove() {
        return describe("moved ");
    }

    private String describe(String shiftVerb) {
        List<String> parts = new ArrayList<>();
        long x = Math.round(dx);
        long y = Math.round(dy);
        if (x != 0) {
            parts.add(Math.abs(x) + " px " + (x > 0 ? "right" : "left"));
        }
        if (y != 0) {
            parts.add(Math.abs(y) + " px " + (y > 0 ? "down" : "up"));
        }
        if (!parts.isEmpty()) {
            parts.set(0, shiftVerb + parts.get(0));
        }
        if (Math.abs(degrees) >= 0.1) {
            parts.add(String.format(Locale.ROOT, "turned %.1f degrees %s", Math.abs(degrees),
                    degrees > 0 ? "clockwise" : "anticlockwise"));
        }
        long percent = Math.round((scale - 1) * 100);
        if (percent != 0) {
            parts.add("zoomed " + (percent > 0 ? "in " : "out ") + Math.abs(percent) + "%");
        }
        return parts.isEmpty() ? shiftVerb + "back to where it was" : String.join(", ", parts);
    }

    /** The layout moved with the picture; spots pushed past an edge keep the part inside the frame. */
    public Layout apply(Layout reference) {
        if (equals(NONE)) {
            return reference;
        }
        List<Spot> moved = new ArrayList<>(reference.size());
        for (Spot spot : reference.spots()) {
            boolean asBox = Math.abs(degrees) < TURN_AS_BOX
                    && Math.abs(scale - 1) * Math.hypot(reference.width(), reference.height()) < 1;
            moved.add(spot.moved(asBox && spot.isAxisAligned()
                    ? Spot.ofBox(spot.id(), shifted(spot.box(), reference)).outline()
                    : spot.outline().stream().map(v -> moved(v, reference)).toList()));
        }
        return reference.withSpots(moved);
    }

    private Box shifted(Box box, Layout frame) {
        int left = clamp(box.x() + (int) Math.round(dx), frame.width() - 1);
        int top = clamp(box.y() + (int) Math.round(dy), frame.height() - 1);
        int right = clamp(box.x() + box.width() + (int) Math.round(dx), frame.width());
        int bottom = clamp(box.y() + box.height() + (int) Math.round(dy), frame.height());
        return new Box(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }

    private Vertex moved(Vertex v, Layout frame) {
        double cx = frame.width() / 2.0;
        double cy = frame.height() / 2.0;
        double a = Math.toRadians(degrees);
        double x = cx + scale * ((v.x() - cx) * Math.cos(a) - (v.y() - cy) * Math.sin(a)) + dx;
        double y = cy + scale * ((v.x() - cx) * Math.sin(a) + (v.y() - cy) * Math.cos(a)) + dy;
        return new Vertex(Math.max(0, Math.min(frame.width(), x)), Math.max(0, Math.min(frame.height(), y)));
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
