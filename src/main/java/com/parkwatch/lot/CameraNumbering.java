package com.parkwatch.lot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one lot numbers the spots of its cameras: camera 1's as its layout gives them, each next camera's after the
 * highest number before it, so that a spot's number names it in the whole lot (bookings, history, the API). Labels
 * stay unique: when a camera's labels meet the ones before, its labels that are numbers go on counting after the
 * highest spot number before it (a second copy of a mask labelled 1 to 14 is labelled 15 to 28), and its other
 * labels, or a number that still meets one, take the camera's number in front ("2-A1").
 */
public final class CameraNumbering {

    private CameraNumbering() {
    }

    /** The cameras' layouts, in the order of their cameras, numbered as one lot. */
    public static List<Layout> acrossCameras(List<Layout> cameras) {
        List<Layout> numbered = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        int highest = 0;
        for (int c = 0; c < cameras.size(); c++) {
            Layout layout = renumbered(cameras.get(c), c + 1, highest, labels);
            numbered.add(layout);
            layout.spots().forEach(s -> labels.add(s.label()));
            highest = Math.max(highest, highestOf(layout));
        }
        return List.copyOf(numbered);
    }

    /**
     * A camera's next layout (the operator saved one), numbered as the camera's first was: after the cameras before
     * it, with labels the other cameras do not use.
     *
     * @param current every camera's layout now, numbered as one lot
     * @param camera  1-based
     * @throws LayoutException when its numbers would reach the next camera's
     */
    public static Layout forCamera(List<Layout> current, int camera, Layout next) {
        if (current.size() == 1) {
            return next;
        }
        int highestBefore = 0;
        Set<String> labels = new HashSet<>();
        for (int c = 0; c < current.size(); c++) {
            if (c + 1 < camera) {
                highestBefore = Math.max(highestBefore, highestOf(current.get(c)));
            }
            if (c + 1 != camera) {
                current.get(c).spots().forEach(s -> labels.add(s.label()));
            }
        }
        Layout numbered = renumbered(next, camera, highestBefore, labels);
        if (camera < current.size()) {
            int nextFirst = current.get(camera).spots().stream().mapToInt(Spot::id).min().orElse(Integer.MAX_VALUE);
            if (highestOf(numbered) >= nextFirst) {
                throw new LayoutException("camera " + camera + "'s new layout numbers its spots up to "
                        + highestOf(numbered) + ", but camera " + (camera + 1) + "'s start at " + nextFirst
                        + ": give it at most " + (nextFirst - 1 - highestBefore) + " spots, or restart the lot");
            }
        }
        return numbered;
    }

    private static Layout renumbered(Layout layout, int camera, int after, Set<String> taken) {
        if (after == 0 && taken.isEmpty()) {
            return layout;
        }
        boolean meets = layout.spots().stream().anyMatch(s -> taken.contains(s.label()));
        List<Spot> spots = layout.spots().stream().map(s -> {
            String label = s.label();
            if (meets) {
                String counted = label.matches("\\d{1,9}") ? Integer.toString(Integer.parseInt(label) + after) : null;
                label = counted != null && !taken.contains(counted) ? counted : camera + "-" + label;
            }
            return new Spot(s.id() + after, s.outline(), label, s.zone(), s.types());
        }).toList();
        return layout.withSpots(spots);
    }

    private static int highestOf(Layout layout) {
        return layout.spots().stream().mapToInt(Spot::id).max().orElse(0);
    }
}
