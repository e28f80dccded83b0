package com.parkwatch.lot;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One parking space: its number and its outline, and what a driver reads of it. Spots from a mask are axis-aligned
 * rectangles; spots from PKLot layouts or polygon files may be rotated quadrilaterals, whose crop is warped upright.
 *
 * @param id    the spot's number in its layout file (the mask's label order): the key of bookings and the API
 * @param label what drivers read ("A12"), or null until {@link Layout} numbers the spot in reading order
 * @param zone  the part of the lot it belongs to ("North"), or null
 * @param types what the bay is for beyond parking
 */
public record Spot(int id, List<Vertex> outline, String label, String zone, Set<BayType> types) {

    public Spot(int id, List<Vertex> outline) {
        this(id, outline, null, null, Set.of());
    }

    public Spot {
        if (id < 1) {
            throw new IllegalArgumentException("spot numbers start at 1, got " + id);
        }
        if (outline.size() < 3) {
            throw new IllegalArgumentException("spot " + id + " needs at least 3 outline points");
        }
        outline = List.copyOf(outline);
        label = label == null || label.isBlank() ? null : label.strip();
        zone = zone == null || zone.isBlank() ? null : zone.strip();
        types = types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    /** This spot with the same outline and a new label, zone and types. */
    public Spot described(String newLabel, String newZone, Set<BayType> newTypes) {
        return new Spot(id, outline, newLabel, newZone, newTypes);
    }

    /** This spot, as the layout describes it, at another outline (the camera moved). */
    public Spot moved(List<Vertex> newOutline) {
        return new Spot(id, newOutline, label, zone, types);
    }

    /** Out of use for good, by the layout. */
    public boolean closedForGood() {
        return types.contains(BayType.CLOSED);
    }

    /** Offered to drivers at all: not closed for good, not kept for staff. */
    public boolean forDrivers() {
        return !types.contains(BayType.CLOSED) && !types.contains(BayType.STAFF_ONLY);
    }

    /** The centre of the outline's box, where a map puts the spot and "nearest" is measured from. */
    public Vertex centre() {
        Box b = box();
        return new Vertex(b.x() + b.width() / 2.0, b.y() + b.height() / 2.0);
    }

    public static Spot ofBox(int id, Box box) {
        int right = box.x() + box.width();
        int bottom = box.y() + box.height();
        return new Spot(id, List.of(new Vertex(box.x(), box.y()), new Vertex(right, box.y()),
                new Vertex(right, bottom), new Vertex(box.x(), bottom)));
    }

    /** The smallest axis-aligned box that holds the outline. */
    public Box box() {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Vertex v : outline) {
            minX = Math.min(minX, v.x());
            minY = Math.min(minY, v.y());
            maxX = Math.max(maxX, v.x());
            maxY = Math.max(maxY, v.y());
        }
        int left = (int) Math.floor(minX);
        int top = (int) Math.floor(minY);
        return new Box(left, top, Math.max(1, (int) Math.ceil(maxX) - left), Math.max(1, (int) Math.ceil(maxY) - top));
    }

    /** True when the outline is exactly its bounding box, so the crop needs no warp. */
    public boolean isAxisAligned() {
        if (outline.size() != 4) {
            return false;
        }
        Box b = box();
        return outline.stream().allMatch(v -> (v.x() == b.x() || v.x() == b.x() + b.width())
                && (v.y() == b.y() || v.y() == b.y() + b.height()));
    }

    public Spot scaled(double sx, double sy) {
        List<Vertex> moved = isAxisAligned() ? ofBox(id, box().scaled(sx, sy)).outline()
                : outline.stream().map(v -> new Vertex(v.x() * sx, v.y() * sy)).toList();
        return new Spot(id, moved, label, zone, types);
    }
}
