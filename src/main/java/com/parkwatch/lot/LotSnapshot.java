package com.parkwatch.lot;

import java.util.List;

/**
 * Every spot's state after one analysed frame.
 *
 * @param frame index of the analysed frame, from 0
 * @param time  source time of that frame in seconds
 */
public record LotSnapshot(long frame, double time, List<SpotStatus> spots) {

    public LotSnapshot {
        spots = List.copyOf(spots);
    }

    public int total() {
        return spots.size();
    }

    public List<Integer> freeSpotIds() {
        return spots.stream().filter(s -> s.occupancy() == Occupancy.FREE).map(s -> s.spot().id()).toList();
    }

    public int free() {
        return (int) spots.stream().filter(s -> s.occupancy() == Occupancy.FREE).count();
    }
}
