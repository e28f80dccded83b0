package com.parkwatch.lot;

import java.nio.file.Path;
import java.util.List;

/** The spots of one lot, as seen in a frame of the given size. */
public record Layout(int width, int height, List<Spot> spots) {

    /** Largest relative difference of aspect ratios for which a layout is scaled to a frame rather than refused. */
    public static final double ASPECT_TOLERANCE = 0.01;

    /** The largest frame side a layout may have: more is a typo or a hostile file, and would take gigabytes. */
    public static final int MAX_SIDE = 16384;

    public Layout {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a layout needs a positive size, got " + width + "x" + height);
        }
        spots = List.copyOf(spots);
    }

    /**
     * This layout if a reader may hand it on, else a {@link LayoutException} naming the file: a frame larger than
     * {@link #MAX_SIDE} or a point outside the frame would make the crops and drawings allocate by its size.
     */
    public Layout checked(Path file) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new LayoutException(String.format("the layout %s declares %dx%d pixels: a layout may be at most %d px a side",
                    file, width, height, MAX_SIDE));
        }
        for (Spot spot : spots) {
            for (Vertex v : spot.outline()) {
                if (!(v.x() >= 0 && v.x() <= width && v.y() >= 0 && v.y() <= height)) {
                    throw new LayoutException(String.format("the layout %s has a point (%s, %s) of spot %d outside its %dx%d frame",
                            file, number(v.x()), number(v.y()), spot.id(), width, height));
                }
            }
        }
        return this;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    public int size() {
        return spots.size();
    }

    /** The position in {@link #spots()} of the spot with this number. */
    public int indexOf(int spotId) {
        for (int i = 0; i < spots.size(); i++) {
            if (spots.get(i).id() == spotId) {
                return i;
            }
        }
        throw new IllegalArgumentException("no spot " + spotId + " in this layout");
    }

    /**
     * This layout for frames of the given size: scaled when the aspect ratios agree within 1% (masks are often a
     * pixel larger than their video), refused otherwise.
     */
    public Layout fittedTo(int frameWidth, int frameHeight) {
        if (frameWidth == width && frameHeight == height) {
            return this;
        }
        double layoutAspect = (double) width / height;
        double frameAspect = (double) frameWidth / frameHeight;
        if (Math.abs(layoutAspect - frameAspect) / frameAspect > ASPECT_TOLERANCE) {
            throw new LayoutMismatchException(String.format(
                    "the layout is %dx%d but the video is %dx%d: their aspect ratios differ by more than 1%%",
                    width, height, frameWidth, frameHeight));
        }
        double sx = (double) frameWidth / width;
        double sy = (double) frameHeight / height;
        return new Layout(frameWidth, frameHeight, spots.stream().map(s -> s.scaled(sx, sy)).toList());
    }
}
