package com.parkwatch.ui;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The spot "Book a spot" offers first: of the free bays drivers may use, the nearest the entrance when the layout
 * says where it is, else the first by label (the first in reading order where the layout gives no labels).
 */
final class BestSpot {

    private BestSpot() {
    }

    static Optional<Spot> of(Layout layout, Collection<Integer> free) {
        var candidates = layout.inLabelOrder().stream().filter(s -> s.forDrivers() && free.contains(s.id()));
        Vertex entrance = layout.entrance();
        if (entrance == null) {
            return candidates.findFirst();
        }
        // Stable: of two spots as near, the first in reading order.
        return candidates.min(Comparator.comparingDouble(s -> distance(s.centre(), entrance)));
    }

    private static double distance(Vertex a, Vertex b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
