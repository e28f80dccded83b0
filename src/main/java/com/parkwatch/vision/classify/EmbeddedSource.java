package com.parkwatch.vision.classify;

/**
 * One training source (a patch folder, a PKLot folder, the simulated lot) as backbone features with their labels:
 * the unit that training weighs equally with the others and leaves out in turn to calibrate.
 *
 * @param rows     the backbone's features of each crop
 * @param occupied each crop's label
 */
public record EmbeddedSource(String name, float[][] rows, boolean[] occupied) {

    public EmbeddedSource {
        if (rows.length != occupied.length) {
            throw new IllegalArgumentException("a source needs one label per crop");
        }
    }

    int size() {
        return rows.length;
    }
}
