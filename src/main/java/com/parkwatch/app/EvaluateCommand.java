package com.parkwatch.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.vision.dataset.Evaluation;
import com.parkwatch.vision.classify.ModelException;
import com.parkwatch.vision.dataset.PatchFolders;
import com.parkwatch.vision.dataset.PklotFrames;
import com.parkwatch.vision.classify.SpotClassifier;
import org.opencv.core.Mat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a model on labelled patches or PKLot frames: accuracy, per-class recall, confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final class Data {
        @Option(names = "--patches", required = true, paramLabel = "DIR",
                description = "Folder with one folder per class (empty/free vs occupied/not_empty/busy).")
        Path patches;

        @Option(names = "--frames", required = true, paramLabel = "DIR",
                description = "Folder with PKLot frames and their XML layouts (same base name, anywhere below).")
        Path frames;
    }

    @ArgGroup(multiplicity = "1")
    Data data;

    @Option(names = "--json", description = "End with one line of JSON: accuracy, n, recall_free, recall_occupied.")
    boolean json;

    @Mixin
    HeldOutOption heldOut;

    @Mixin
    ModelOption model;

    @Option(names = "--correct-from", paramLabel = "GLOB",
            description = {"First play the kiosk's operator on the files matching GLOB (absolute path): go through",
                    "their crops in name order and correct the first --corrections wrong answers; then measure on",
                    "the other selected files, before and after the corrections."})
    String correctFrom;

    @Option(names = "--corrections", paramLabel = "N", defaultValue = "20",
            description = "How many wrong answers the operator corrects (default ${DEFAULT-VALUE}).")
    int corrections;

    @Override
    public Integer call() {
        if (corrections < 1) {
            throw new ModelException("--corrections must be at least 1, got " + corrections);
        }
        SpotClassifier classifier = model.load();
        Predicate<Path> measured = file -> (!heldOut.isSet() || heldOut.matches(file))
                && (correctFrom == null || !correcting(file));
        Evaluation before = null;
        if (correctFrom != null) {
            before = measure(classifier, measured);
            correct(classifier);
        }
        Evaluation result = measure(classifier, measured);
        if (result.count() == 0) {
            throw new ModelException("no labelled patch is selected by --held-out");
        }
        print(result, before);
        return 0;
    }

    private boolean correcting(Path file) {
        return FileSystems.getDefault().getPathMatcher("glob:" + correctFrom).matches(file.toAbsolutePath().normalize());
    }

    private Evaluation measure(SpotClassifier classifier, Predicate<Path> keep) {
        Evaluation result = new Evaluation();
        eachCrop(keep, () -> false, (crop, label) -> result.add(label, classifier.classify(crop).occupancy()));
        return result;
    }

    /** What an operator at the kiosk does: tells the classifier the right answer where it is wrong. */
    private void correct(SpotClassifier classifier) {
        int[] made = {0};
        int[] seen = {0};
        eachCrop(this::correcting, () -> made[0] == corrections, (crop, label) -> {
            seen[0]++;
            if (classifier.classify(crop).occupancy() != label) {
                if (!classifier.learn(crop, label)) {
                    throw new ModelException("this model cannot learn from corrections");
                }
                made[0]++;
            }
        });
        System.out.printf(Locale.ROOT, "corrections: %d, among the first %d crops matching --correct-from%n", made[0], seen[0]);
    }

    /** Every labelled crop of the selected files, in name order, until {@code stop} says so. */
    private void eachCrop(Predicate<Path> keep, BooleanSupplier stop, BiConsumer<Mat, Occupancy> action) {
        if (data.patches != null) {
            for (PatchFolders.Patch p : PatchFolders.read(data.patches)) {
                if (stop.getAsBoolean()) {
                    return;
                }
                if (keep.test(p.image())) {
                    Mat image = p.read();
                    action.accept(image, p.label());
                    image.release();
                }
            }
        } else {
            for (PklotFrames.Frame f : PklotFrames.find(data.frames, keep)) {
                if (stop.getAsBoolean()) {
                    return;
                }
                PklotFrames.eachSpace(f, (crop, label) -> {
                    if (!stop.getAsBoolean()) {
                        action.accept(crop, label);
                    }
                });
            }
        }
    }

    private void print(Evaluation r, Evaluation before) {
        if (before != null) {
            System.out.printf(Locale.ROOT, "before the corrections: accuracy %.4f, recall free %s, recall occupied %s%n",
                    before.accuracy(), fraction(before.recallFree()), fraction(before.recallOccupied()));
            System.out.println("after:");
        }
        System.out.printf(Locale.ROOT, "spots: %d%naccuracy: %.4f%nrecall free: %s%nrecall occupied: %s%n",
                r.count(), r.accuracy(), fraction(r.recallFree()), fraction(r.recallOccupied()));
        System.out.println("confusion (rows: truth, columns: predicted):");
        System.out.printf(Locale.ROOT, "%-10s %9s %9s%n", "", "free", "occupied");
        for (Occupancy truth : new Occupancy[]{Occupancy.FREE, Occupancy.OCCUPIED}) {
            System.out.printf(Locale.ROOT, "%-10s %9d %9d%n", truth.word(), r.count(truth, Occupancy.FREE),
                    r.count(truth, Occupancy.OCCUPIED));
        }
        if (json) {
            ObjectNode summary = JSON.createObjectNode();
            summary.put("accuracy", r.accuracy());
            summary.put("n", r.count());
            putRecall(summary, "recall_free", r.recallFree());
            putRecall(summary, "recall_occupied", r.recallOccupied());
            if (before != null) {
                summary.put("accuracy_before", before.accuracy());
            }
            System.out.println(summary);
        }
    }

    /** A recall over a class the selection does not hold is no number: "n/a" to read, null in JSON. */
    private static String fraction(double recall) {
        return Double.isNaN(recall) ? "n/a (no spot of this class selected)" : String.format(Locale.ROOT, "%.4f", recall);
    }

    private static void putRecall(ObjectNode summary, String field, double recall) {
        if (Double.isNaN(recall)) {
            summary.putNull(field);
        } else {
            summary.put(field, recall);
        }
    }
}
