package com.parkwatch.vision.classify;

import com.parkwatch.lot.Occupancy;

/** A classifier's answer for one crop, with how sure it is (0.5 a coin toss, 1 certain). */
public record Verdict(Occupancy occupancy, double confidence) {

    /** The verdict of a probability of a car given as its log-odds: taken above 0, free below. */
    static Verdict ofLogOdds(double logOdds) {
        double taken = 1 / (1 + Math.exp(-logOdds));
        return logOdds > 0 ? new Verdict(Occupancy.OCCUPIED, taken) : new Verdict(Occupancy.FREE, 1 - taken);
    }
}
