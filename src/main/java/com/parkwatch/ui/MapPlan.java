package com.parkwatch.ui;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Spot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the lot map draws each spot and zone for a size of its view: the spots where they are in the camera's
 * picture, scaled to fit, unless they would then be too small to tap ({@value #TOUCH} px at least): a lot too dense
 * for that is drawn larger and scrolls (the tutorial's 396 bays at 1600x900 take about four views). Plain geometry,
 * so that plain tests check it and the map only draws.
 */
final class MapPlan {

    static final double TOUCH = 48;
    private static final double MARGIN = 12;
    private static final double ZONE_TITLE = 26;
    /** Between neighbouring spots, so that each reads as its own. */
    private static final double GAP = 4;
    /** Around a zone's spots. */
    private static final double ZONE_PAD = 6;

    /** A rectangle on the plan, in pixels. */
    record Area(double x, double y, double width, double height) {
        boolean contains(double px, double py) {
            return px >= x && px < x + width && py >= y && py < y + height;
        }

        boolean meets(Area other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }

        double centreX() {
            return x + width / 2;
        }

        double centreY() {
            return y + height / 2;
        }
    }

    /** A zone the layout names, with the extent of its spots in the picture. */
    record Zone(String name, Box extent) {
    }

    private final List<Spot> spots;
    private final List<Zone> zones;
    private final Box extent;
    /** The spots' median width and height in the picture: the scales at which they are {@link #TOUCH} px are the least. */
    private final double typicalWidth;
    private final double typicalHeight;
    private final Area[] areas;
    private final Area[] zoneAreas;
    private double width;
    private double height;

    /** The plan of these spots (the map's order), unfitted until {@link #fit}. */
    MapPlan(List<Spot> spots) {
        this.spots = List.copyOf(spots);
        extent = extentOf(this.spots);
        typicalWidth = median(this.spots.stream().mapToDouble(s -> s.box().width()).sorted().toArray());
        typicalHeight = median(this.spots.stream().mapToDouble(s -> s.box().height()).sorted().toArray());
        Map<String, List<Spot>> byZone = new LinkedHashMap<>();
        this.spots.stream().filter(s -> s.zone() != null)
                .forEach(s -> byZone.computeIfAbsent(s.zone(), z -> new ArrayList<>()).add(s));
        List<Zone> named = new ArrayList<>();
        byZone.forEach((name, members) -> named.add(new Zone(name, extentOf(members))));
        zones = List.copyOf(named);
        areas = new Area[this.spots.size()];
        zoneAreas = new Area[zones.size()];
        fit(1, 1);
    }

    /**
     * Lays the plan out for a view of this size. Each direction is stretched apart, so that a lot of wide, shallow
     * bays is made deep enough to tap without being made as much wider. Centred across when it fits.
     */
    void fit(double viewWidth, double viewHeight) {
        double top = MARGIN + (zones.isEmpty() ? 0 : ZONE_TITLE);
        double fit = Math.min(Math.max(1, viewWidth - 2 * MARGIN) / extent.width(),
                Math.max(1, viewHeight - top - MARGIN) / extent.height());
        double sx = Math.max(fit, TOUCH / typicalWidth);
        double sy = Math.max(fit, TOUCH / typicalHeight);
        double planWidth = extent.width() * sx + 2 * MARGIN;
        double planHeight = extent.height() * sy + top + MARGIN;
        double left = Math.max(MARGIN, (viewWidth - planWidth) / 2 + MARGIN);
        width = Math.max(viewWidth, planWidth);
        height = Math.max(viewHeight, planHeight);
        for (int i = 0; i < areas.length; i++) {
            Spot s = spots.get(i);
            double w = Math.max(TOUCH, s.box().width() * sx - GAP);
            double h = Math.max(TOUCH, s.box().height() * sy - GAP);
            double cx = left + (s.centre().x() - extent.x()) * sx;
            double cy = top + (s.centre().y() - extent.y()) * sy;
            areas[i] = new Area(cx - w / 2, cy - h / 2, w, h);
        }
        for (int i = 0; i < zoneAreas.length; i++) {
            Box b = zones.get(i).extent();
            zoneAreas[i] = new Area(left + (b.x() - extent.x()) * sx - ZONE_PAD, top + (b.y() - extent.y()) * sy - ZONE_PAD,
                    b.width() * sx + 2 * ZONE_PAD, b.height() * sy + 2 * ZONE_PAD);
        }
    }

    /** The plan's size: at least the view's; larger, and scrolled, when the spots need it. */
    double width() {
        return width;
    }

    double height() {
        return height;
    }

    int size() {
        return areas.length;
    }

    /** Where the map's i-th spot is drawn. */
    Area spot(int index) {
        return areas[index];
    }

    List<Zone> zones() {
        return zones;
    }

    Area zone(int index) {
        return zoneAreas[index];
    }

    /**
     * The spot a tap at this point of the plan means: of those drawn there ({@code shown}), the one whose centre is
     * nearest; -1 where none is.
     */
    int spotAt(double x, double y, boolean[] shown) {
        int best = -1;
        double nearest = Double.MAX_VALUE;
        for (int i = 0; i < areas.length; i++) {
            if (shown[i] && areas[i].contains(x, y)) {
                double d = Math.hypot(x - areas[i].centreX(), y - areas[i].centreY());
                if (d < nearest) {
                    nearest = d;
                    best = i;
                }
            }
        }
        return best;
    }

    private static double median(double[] sorted) {
        return sorted.length == 0 ? 1 : sorted[sorted.length / 2];
    }

    private static Box extentOf(List<Spot> members) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = 0, maxY = 0;
        for (Spot s : members) {
            Box b = s.box();
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.x() + b.width());
            maxY = Math.max(maxY, b.y() + b.height());
        }
        return members.isEmpty() ? new Box(0, 0, 1, 1) : new Box(minX, minY, maxX - minX, maxY - minY);
    }
}
