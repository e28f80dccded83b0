package com.parkwatch.vision.layout;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well proposed bays match a lot's known ones: each known bay is matched to at most one proposal, best overlaps
 * (intersection over union of their boxes) first, and a match needs at least {@link #MIN_IOU}.
 *
 * @param known     the known bays
 * @param proposed  the proposals
 * @param matched   known bays matched
 * @param meanIou   the mean overlap of the matches, 0 without any
 */
public record LayoutMatch(int known, int proposed, int matched, double meanIou) {

    public static final double MIN_IOU = 0.5;

    /** @param proposed at the known layout's size */
    public static LayoutMatch of(Layout known, Layout proposed) {
        record Pair(int known, int proposed, double iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int k = 0; k < known.size(); k++) {
            Box a = known.spots().get(k).box();
            for (int p = 0; p < proposed.size(); p++) {
                double iou = iou(a, proposed.spots().get(p).box());
                if (iou >= MIN_IOU) {
                    pairs.add(new Pair(k, p, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
        boolean[] knownTaken = new boolean[known.size()];
        boolean[] proposedTaken = new boolean[proposed.size()];
        int matched = 0;
        double sum = 0;
        for (Pair pair : pairs) {
            if (!knownTaken[pair.known()] && !proposedTaken[pair.proposed()]) {
                knownTaken[pair.known()] = true;
                proposedTaken[pair.proposed()] = true;
                matched++;
                sum += pair.iou();
            }
        }
        return new LayoutMatch(known.size(), proposed.size(), matched, matched == 0 ? 0 : sum / matched);
    }

    static double iou(Box a, Box b) {
        double common = a.overlap(b);
        return common / (a.area() + (double) b.area() - common);
    }

    /** "found 40 of 69 bays (mean IoU 0.71); 5 of 45 proposals match no bay". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "found %d of %d bays (IoU at least %.1f, mean %.2f); %d of %d proposals match no bay",
                matched, known, MIN_IOU, meanIou, proposed - matched, proposed);
    }
}
