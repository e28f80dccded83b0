package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;

/** A classifier's answer for one crop, with how sure it is (0.5 a coin toss, 1 certain). */
public record Verdict(Occupancy occupancy, double confidence) {
}
