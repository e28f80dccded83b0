package com.parkwatch.vision.classify;

import java.util.List;

/**
 * Training weights that make every source weigh the same and, within a source, each class it holds: a crop's
 * weight is one over (sources x classes in its source x crops of its class in its source). They sum to 1.
 */
final class Weights {

    private Weights() {
    }

    static double[] of(List<EmbeddedSource> sources) {
        long used = sources.stream().filter(s -> s.size() > 0).count();
        double[] weights = new double[sources.stream().mapToInt(EmbeddedSource::size).sum()];
        int k = 0;
        for (EmbeddedSource s : sources) {
            int taken = 0;
            for (boolean o : s.occupied()) {
                taken += o ? 1 : 0;
            }
            int free = s.size() - taken;
            int classes = (taken > 0 ? 1 : 0) + (free > 0 ? 1 : 0);
            for (boolean o : s.occupied()) {
                weights[k++] = 1.0 / (used * classes * (o ? taken : free));
            }
        }
        return weights;
    }
}
