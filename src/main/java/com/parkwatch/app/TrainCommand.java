package com.parkwatch.app;

import com.parkwatch.vision.classify.ModelException;
import com.parkwatch.vision.dataset.PatchFolders;
import com.parkwatch.vision.dataset.PklotFrames;
import com.parkwatch.vision.dataset.SimulatedPatches;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.classify.SvmTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier model on labelled patch folders and PKLot frames.")
final class TrainCommand implements Callable<Integer> {

    /** How many times each simulated spot is cut for {@code --data sim}. */
    static final int SIM_SAMPLES = 20;
    /** The simulated lot trained on; the kiosk demo and the tests run other seeds. */
    static final long SIM_TRAINING_SEED = 1001;

    @Option(names = "--data", paramLabel = "DIR",
            description = "A folder of labelled patches (empty/free vs occupied/not_empty/busy); repeat for several. "
                    + "'sim' adds crops of the simulated lot.")
    List<String> data = List.of();

    @Option(names = "--frames", paramLabel = "DIR",
            description = "A folder of PKLot frames with their XML layouts; repeat for several.")
    List<Path> frames = List.of();

    @Mixin
    HeldOutOption heldOut;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for shuffling and cross-validation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (data.isEmpty() && frames.isEmpty()) {
            throw new ModelException("train needs at least one --data or --frames folder");
        }
        List<SvmTrainer.Example> examples = new ArrayList<>();
        for (String set : data) {
            examples.addAll(set.equals("sim")
                    ? SimulatedPatches.cut(SIM_TRAINING_SEED, SIM_SAMPLES)
                    : SvmTrainer.examples(PatchFolders.read(Path.of(set)).stream()
                            .filter(p -> !heldOut.matches(p.image())).toList()));
        }
        for (Path folder : frames) {
            examples.addAll(PklotFrames.examples(PklotFrames.find(folder, image -> !heldOut.matches(image))));
        }
        long started = System.nanoTime();
        int count = examples.size();
        SvmClassifier model = SvmTrainer.train(examples, seed);
        model.save(out);
        System.out.printf("trained on %d spots in %.1f s (%s): wrote %s%n", count, (System.nanoTime() - started) / 1e9,
                model.describe(), out);
        return 0;
    }
}
