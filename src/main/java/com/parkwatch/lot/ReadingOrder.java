package com.parkwatch.lot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a driver reads a lot's picture: rows from the top, each left to right. A mask's label order
 * follows however it was drawn (one column of the tutorial lot reads 47, 62, 77, 92), so drivers are given numbers
 * in this order instead, and the mask's order stays the spots' ids.
 */
final class ReadingOrder {

    private ReadingOrder() {
    }

    /**
     * The spots in reading order. A spot starts a new row when its centre is lower than the current row's first
     * centre by more than half the spots' median height, so a row that drifts a little down the picture stays a row.
     */
    static List<Spot> of(List<Spot> spots) {
        if (spots.isEmpty()) {
            return List.of();
        }
        List<Spot> byHeight = new ArrayList<>(spots);
        byHeight.sort(Comparator.comparingDouble((Spot s) -> s.centre().y()).thenComparingDouble(s -> s.centre().x()));
        double rowGap = medianHeight(spots) / 2.0;
        List<Spot> ordered = new ArrayList<>(spots.size());
        List<Spot> row = new ArrayList<>();
        double rowTop = byHeight.get(0).centre().y();
        for (Spot spot : byHeight) {
            if (spot.centre().y() - rowTop > rowGap) {
                flush(row, ordered);
                rowTop = spot.centre().y();
            }
            row.add(spot);
        }
        flush(row, ordered);
        return List.copyOf(ordered);
    }

    /** The spots in their own order, each without a label numbered by its place in reading order. */
    static List<Spot> labelled(List<Spot> spots) {
        if (spots.stream().allMatch(s -> s.label() != null)) {
            return List.copyOf(spots);
        }
        Map<Spot, Integer> place = new IdentityHashMap<>();
        List<Spot> ordered = of(spots);
        for (int i = 0; i < ordered.size(); i++) {
            place.put(ordered.get(i), i + 1);
        }
        List<Spot> out = new ArrayList<>(spots.size());
        for (Spot spot : spots) {
            out.add(spot.label() != null ? spot
                    : spot.described(Integer.toString(place.get(spot)), spot.zone(), spot.types()));
        }
        return List.copyOf(out);
    }

    private static void flush(List<Spot> row, List<Spot> ordered) {
        row.sort(Comparator.comparingDouble(s -> s.centre().x()));
        ordered.addAll(row);
        row.clear();
    }

    private static double medianHeight(List<Spot> spots) {
        double[] heights = spots.stream().mapToDouble(s -> s.box().height()).sorted().toArray();
        return heights[heights.length / 2];
    }
}
