package com.parkwatch.lot;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How often each spot changed state from one sample to the next: real arrivals and departures, and flips, which on
 * a spot that truly stays as it is are errors. The change from unknown at the first sample does not count.
 */
public final class StateChanges {

    private final Map<Integer, Integer> bySpot = new TreeMap<>();
    private LotSnapshot previous;

    public void record(LotSnapshot snapshot) {
        if (previous != null) {
            for (int i = 0; i < snapshot.spots().size(); i++) {
                Occupancy before = previous.spots().get(i).occupancy();
                Occupancy now = snapshot.spots().get(i).occupancy();
                if (before != now && before != Occupancy.UNKNOWN) {
                    bySpot.merge(snapshot.spots().get(i).spot().id(), 1, Integer::sum);
                }
            }
        }
        previous = snapshot;
    }

    /** Spot number to how many times it changed; only spots that did. */
    public Map<Integer, Integer> bySpot() {
        return Map.copyOf(bySpot);
    }

    public int total() {
        return bySpot.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "3 changes of state in 2 spots: 28 x2, 113", or "no changes of state". */
    public String summary() {
        if (bySpot.isEmpty()) {
            return "no changes of state";
        }
        return total() + " changes of state in " + bySpot.size() + " spots: " + bySpot.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey().toString() : e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
