package com.parkwatch.app;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.vision.Evaluation;
import com.parkwatch.vision.ModelException;
import com.parkwatch.vision.PatchFolders;
import com.parkwatch.vision.SpotClassifier;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a model on labelled patch folders: accuracy, per-class recall, confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--patches", required = true, paramLabel = "DIR",
            description = "Folder with one folder per class (empty/free vs occupied/not_empty/busy).")
    Path patches;

    @Option(names = "--json", description = "End with one line of JSON: accuracy, n, recall_free, recall_occupied.")
    boolean json;

    @Mixin
    ModelOption model;

    @Override
    public Integer call() {
        SpotClassifier classifier = model.load();
        Evaluation result = new Evaluation();
        for (PatchFolders.Patch p : PatchFolders.read(patches)) {
            Mat image = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
            if (image.empty()) {
                throw new ModelException("cannot read the patch " + p.image() + ": it is not an image");
            }
            result.add(p.label(), classifier.classify(image).occupancy());
            image.release();
        }
        print(result);
        return 0;
    }

    private void print(Evaluation r) {
        System.out.printf(Locale.ROOT, "patches: %d%naccuracy: %.4f%nrecall free: %.4f%nrecall occupied: %.4f%n",
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
