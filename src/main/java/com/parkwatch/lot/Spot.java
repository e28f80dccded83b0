package com.parkwatch.lot;

import java.util.List;

/**
 * One parking space: its number and its outline. Spots from a mask are axis-aligned rectangles; spots from
 * PKLot layouts or polygon files may be rotated quadrilaterals, whose crop is warped upright.
 */
public record Spot(int id, List<Vertex> outline) {

    public Spot {
        if (id < 1) {
            throw new IllegalArgumentException("spot numbers start at 1, got " + id);
        }
        if (outline.size() < 3) {
            throw new IllegalArgumentException("spot " + id + " needs at least 3 outline points");
        }
        outline = List.copyOf(outline);
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
        if (isAxisAligned()) {
            return ofBox(id, box().scaled(sx, sy));
        }
        return new Spot(id, outline.stream().map(v -> new Vertex(v.x() * sx, v.y() * sy)).toList());
    }
}
