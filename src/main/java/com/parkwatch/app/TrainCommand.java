package com.parkwatch.app;

import com.parkwatch.vision.PatchFolders;
import com.parkwatch.vision.SimulatedPatches;
import com.parkwatch.vision.SvmClassifier;
import com.parkwatch.vision.SvmTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier model on labelled patch folders (empty/free vs occupied/not_empty/busy).")
final class TrainCommand implements Callable<Integer> {

    /** How many times each simulated spot is cut for {@code --data sim}. */
    static final int SIM_SAMPLES = 60;
    /** The simulated lot trained on; the kiosk demo and the tests run other seeds. */
    static final long SIM_TRAINING_SEED = 1001;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "A folder of labelled patches; repeat for several. 'sim' adds crops of the simulated lot.")
    List<String> data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for shuffling and cross-validation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        List<SvmTrainer.Example> examples = new ArrayList<>();
        for (String set : data) {
            examples.addAll(set.equals("sim")
                    ? SimulatedPatches.cut(SIM_TRAINING_SEED, SIM_SAMPLES)
                    : SvmTrainer.examples(PatchFolders.read(Path.of(set))));
        }
        long started = System.nanoTime();
        int count = examples.size();
        SvmClassifier model = SvmTrainer.train(examples, seed);
        model.save(out);
        System.out.printf("trained on %d patches in %.1f s: wrote %s%n", count, (System.nanoTime() - started) / 1e9, out);
        return 0;
    }
}
