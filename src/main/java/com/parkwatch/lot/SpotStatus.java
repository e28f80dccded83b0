package com.parkwatch.lot;

/**
 * A spot's state at one moment.
 *
 * @param confidence how sure the classifier was of this state, 0 to 1
 * @param since      source time, in seconds, at which the spot entered this state
 */
public record SpotStatus(Spot spot, Occupancy occupancy, double confidence, double since) {
}
