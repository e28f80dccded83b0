package com.parkwatch.ui.editor;

import com.parkwatch.lot.Vertex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The geometry of drawing bays by hand: corners tapped in any order, points inside an outline, a row between two bays. */
final class Outlines {

    private Outlines() {
    }

    /** A rectangle from two opposite corners dragged in any direction, clockwise from the top left. */
    static List<Vertex> rectangle(Vertex a, Vertex b) {
        double left = Math.min(a.x(), b.x()), right = Math.max(a.x(), b.x());
        double top = Math.min(a.y(), b.y()), bottom = Math.max(a.y(), b.y());
        return List.of(new Vertex(left, top), new Vertex(right, top), new Vertex(right, bottom), new Vertex(left, bottom));
    }

    /**
     * Corners tapped in any order, put in order around their centre (clockwise on screen, from the top left one), so
     * that four taps never make a bow tie.
     */
    static List<Vertex> around(List<Vertex> corners) {
        double cx = corners.stream().mapToDouble(Vertex::x).average().orElseThrow();
        double cy = corners.stream().mapToDouble(Vertex::y).average().orElseThrow();
        List<Vertex> ordered = new ArrayList<>(corners);
        ordered.sort(Comparator.comparingDouble(v -> Math.atan2(v.y() - cy, v.x() - cx)));
        int first = 0;
        for (int i = 1; i < ordered.size(); i++) {
            Vertex v = ordered.get(i);
            if (v.x() + v.y() < ordered.get(first).x() + ordered.get(first).y()) {
                first = i;
            }
        }
        List<Vertex> fromTopLeft = new ArrayList<>(ordered.subList(first, ordered.size()));
        fromTopLeft.addAll(ordered.subList(0, first));
        return List.copyOf(fromTopLeft);
    }

    /** Whether a point lies inside an outline (even-odd rule; points on an edge may go either way). */
    static boolean contains(List<Vertex> outline, Vertex p) {
        boolean inside = false;
        for (int i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
            Vertex a = outline.get(i), b = outline.get(j);
            if ((a.y() > p.y()) != (b.y() > p.y())
                    && p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    static double distance(Vertex a, Vertex b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    /**
     * The outlines of a row of {@code count} equal bays from its first to its last: each corner moves in equal steps
     * from the first bay's to the last's, so a row drawn in perspective narrows as the two end bays do.
     */
    static List<List<Vertex>> row(List<Vertex> first, List<Vertex> last, int count) {
        List<List<Vertex>> bays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double t = (double) i / (count - 1);
            List<Vertex> bay = new ArrayList<>();
            for (int c = 0; c < first.size(); c++) {
                Vertex a = first.get(c), b = last.get(c);
                bay.add(new Vertex(round(a.x() + (b.x() - a.x()) * t), round(a.y() + (b.y() - a.y()) * t)));
            }
            bays.add(List.copyOf(bay));
        }
        return bays;
    }

    /** Tenths of a pixel: more is noise from the screen's scale, and the file reads better. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static Vertex rounded(Vertex v) {
        return new Vertex(round(v.x()), round(v.y()));
    }
}
