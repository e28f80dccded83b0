package com.parkwatch.lot;

/** An axis-aligned rectangle in frame pixels. */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a box needs a positive size, got " + width + "x" + height);
        }
    }

    public int area() {
        return width * height;
    }

    /** The area this box and another have in common, 0 if they do not meet. */
    public long overlap(Box other) {
        long across = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
        long down = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
        return across > 0 && down > 0 ? across * down : 0;
    }

    /** Scales by (sx, sy), rounding edges so that scaled neighbours keep touching rather than overlapping. */
    public Box scaled(double sx, double sy) {
        int left = (int) Math.round(x * sx);
        int top = (int) Math.round(y * sy);
        int right = (int) Math.round((x + width) * sx);
        int bottom = (int) Math.round((y + height) * sy);
        return new Box(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }

    /** The part of this box inside a frame of the given size. */
    public Box clippedTo(int frameWidth, int frameHeight) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(frameWidth, x + width);
        int bottom = Math.min(frameHeight, y + height);
        if (right <= left || bottom <= top) {
            throw new IllegalArgumentException("box " + this + " lies outside a " + frameWidth + "x" + frameHeight + " frame");
        }
        return new Box(left, top, right - left, bottom - top);
    }
}
