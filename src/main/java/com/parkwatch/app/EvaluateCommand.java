package com.parkwatch.app;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.vision.Evaluation;
import com.parkwatch.vision.ModelException;
import com.parkwatch.vision.PatchFolders;
import com.parkwatch.vision.PklotFrames;
import com.parkwatch.vision.SpotClassifier;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a model on labelled patches or PKLot frames: accuracy, per-class recall, confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        SpotClassifier classifier = model.load();
        Evaluation result = new Evaluation();
        if (data.patches != null) {
            for (PatchFolders.Patch p : PatchFolders.read(data.patches)) {
                if (!heldOut.isSet() || heldOut.matches(p.image())) {
                    Mat image = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
                    if (image.empty()) {
                        throw new ModelException("cannot read the patch " + p.image() + ": it is not an image");
                    }
                    result.add(p.label(), classifier.classify(image).occupancy());
                    image.release();
                }
            }
        } else {
            for (PklotFrames.Frame f : PklotFrames.find(data.frames, file -> !heldOut.isSet() || heldOut.matches(file))) {
                PklotFrames.eachSpace(f, (crop, label) -> result.add(label, classifier.classify(crop).occupancy()));
            }
        }
        if (result.count() == 0) {
            throw new ModelException("no labelled patch is selected by --held-out");
        }
        print(result);
        return 0;
    }

    private void print(Evaluation r) {
        System.out.printf(Locale.ROOT, "spots: %d%naccuracy: %.4f%nrecall free: %.4f%nrecall occupied: %.4f%n",
                r.count(), r.accuracy(), r.recallFree(), r.recallOccupied());
        System.out.println("confusion (rows: truth, columns: predicted):");
        System.out.printf(Locale.ROOT, "%-10s %9s %9s%n", "", "free", "occupied");
        for (Occupancy truth : new Occupancy[]{Occupancy.FREE, Occupancy.OCCUPIED}) {
            System.out.printf(Locale.ROOT, "%-10s %9d %9d%n", truth.word(), r.count(truth, Occupancy.FREE),
                    r.count(truth, Occupancy.OCCUPIED));
        }
        if (json) {
            System.out.printf(Locale.ROOT, "{\"accuracy\":%.6f,\"n\":%d,\"recall_free\":%.6f,\"recall_occupied\":%.6f}%n",
                    r.accuracy(), r.count(), r.recallFree(), r.recallOccupied());
        }
    }
}
