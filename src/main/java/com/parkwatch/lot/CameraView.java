package com.parkwatch.lot;

import java.time.Instant;

/**
 * One camera of the lot at one moment: whether its spots' states are current.
 *
 * @param number  1-based, in the order the cameras were given
 * @param health  its source's health
 * @param updated the wall-clock time of its newest analysed sample, or null before the first
 * @param live    watching, and the newest sample recent
 */
public record CameraView(int number, SourceHealth health, Instant updated, boolean live) {

    /** "camera 2 is not live (ended: the video ended)", or empty when it is. */
    public String notLiveReason() {
        return live ? "" : "camera " + number + " is not live (" + health.describe() + ")";
    }
}
