package com.parkwatch.lot;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The spots of one lot, as seen in a frame of the given size. Every spot has a label: one the layout gives, else its
 * number in {@link ReadingOrder reading order}.
 *
 * @param entrance where drivers come in (the kiosk stands), for "the nearest free spot"; null when not set
 */
public record Layout(int width, int height, List<Spot> spots, Vertex entrance) {

    public Layout(int width, int height, List<Spot> spots) {
        this(width, height, spots, null);
    }

    /** Largest relative difference of aspect ratios for which a layout is scaled to a frame rather than refused. */
    public static final double ASPECT_TOLERANCE = 0.01;

    /** The largest frame side a layout may have: more is a typo or a hostile file, and would take gigabytes. */
    public static final int MAX_SIDE = 16384;

    public Layout {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a layout needs a positive size, got " + width + "x" + height);
        }
        spots = ReadingOrder.labelled(spots);
    }

    /** The spots as a driver reads the picture: rows from the top, left to right in each row. */
    public List<Spot> inReadingOrder() {
        return ReadingOrder.of(spots);
    }

    /**
     * The spots as drivers count them in a list: by label, numbers by value ("A2" before "A10"). Labels a layout
     * leaves out are numbers in reading order, given once where the layout is made, so a copy scaled to the video
     * (whose rounded boxes may fall into rows a little differently) keeps the order its numbers say.
     */
    public List<Spot> inLabelOrder() {
        return spots.stream().sorted(Comparator.comparing(Spot::label, LabelOrder.INSTANCE)).toList();
    }

    /** This layout with its spots (outlines, labels, types) replaced and the same frame and entrance. */
    public Layout withSpots(List<Spot> replaced) {
        return new Layout(width, height, replaced, entrance);
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
        if (entrance != null && !(entrance.x() >= 0 && entrance.x() <= width && entrance.y() >= 0 && entrance.y() <= height)) {
            throw new LayoutException(String.format("the layout %s puts its entrance (%s, %s) outside its %dx%d frame",
                    file, number(entrance.x()), number(entrance.y()), width, height));
        }
        long labels = spots.stream().map(Spot::label).distinct().count();
        if (labels < spots.size()) {
            throw new LayoutException("the layout " + file + " gives two spots the same label");
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
        Vertex door = entrance == null ? null : new Vertex(entrance.x() * sx, entrance.y() * sy);
        return new Layout(frameWidth, frameHeight, spots.stream().map(s -> s.scaled(sx, sy)).toList(), door);
    }
}
