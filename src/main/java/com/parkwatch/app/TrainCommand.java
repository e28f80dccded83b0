package com.parkwatch.app;

import com.parkwatch.vision.classify.Backbone;
import com.parkwatch.vision.classify.EmbeddedSource;
import com.parkwatch.vision.classify.HeadModel;
import com.parkwatch.vision.classify.HeadTrainer;
import com.parkwatch.vision.classify.ModelException;
import com.parkwatch.vision.classify.SourceEmbedder;
import com.parkwatch.vision.classify.SvmClassifier;
import com.parkwatch.vision.classify.SvmTrainer;
import com.parkwatch.vision.dataset.LabelledCrop;
import com.parkwatch.vision.dataset.PatchFolders;
import com.parkwatch.vision.dataset.PklotFrames;
import com.parkwatch.vision.dataset.SimulatedPatches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

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

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed for shuffling, cross-validation and which crops are mirrored (default: ${DEFAULT-VALUE}).")
    long seed;

    /** What {@code train} makes. */
    enum Kind { svm, backbone }

    @Option(names = "--classifier", defaultValue = "svm", paramLabel = "KIND",
            description = {"svm: an RBF SVM on hand-made features (the shipped default);",
                    "backbone: a head on the shipped pretrained network's features, each source weighed equally",
                    "(default: ${DEFAULT-VALUE})."})
    Kind kind;

    @Override
    public Integer call() throws IOException {
        if (data.isEmpty() && frames.isEmpty()) {
            throw new ModelException("train needs at least one --data or --frames folder");
        }
        long started = System.nanoTime();
        if (kind == Kind.svm) {
            List<LabelledCrop> examples = new ArrayList<>();
            eachSource(examples::add, name -> { });
            int count = examples.size();
            SvmClassifier model = SvmTrainer.train(examples, seed);
            model.save(out);
            System.out.printf("trained on %d spots in %.1f s (%s): wrote %s%n", count, seconds(started),
                    model.describe(), out);
            return 0;
        }
        List<EmbeddedSource> sources = new ArrayList<>();
        try (Backbone backbone = new Backbone(); SourceEmbedder embedder = new SourceEmbedder(backbone, seed)) {
            eachSource(c -> {
                embedder.add(c.crop(), c.label());
                c.crop().release();
            }, name -> sources.add(embedder.finish(name)));
        }
        double embedded = seconds(started);
        HeadModel model = HeadTrainer.train(sources, HeadTrainer.L2);
        model.save(out);
        System.out.printf("trained on %d spots of %d sources in %.1f s (%.1f s of it through the network; %s): wrote %s%n",
                sources.stream().mapToInt(s -> s.rows().length).sum(), sources.size(), seconds(started), embedded,
                model.describe(), out);
        return 0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * Hands over every selected crop (which the taker releases), source by source, saying when each source ends.
     */
    private void eachSource(Consumer<LabelledCrop> take, Consumer<String> sourceEnds) {
        for (String set : data) {
            if (set.equals("sim")) {
                SimulatedPatches.cut(SIM_TRAINING_SEED, SIM_SAMPLES).forEach(take);
            } else {
                for (PatchFolders.Patch p : PatchFolders.read(Path.of(set))) {
                    if (!heldOut.matches(p.image())) {
                        take.accept(new LabelledCrop(p.read(), p.label()));
                    }
                }
            }
            sourceEnds.accept(set);
        }
        for (Path folder : frames) {
            for (PklotFrames.Frame f : PklotFrames.find(folder, image -> !heldOut.matches(image))) {
                PklotFrames.eachSpace(f, (crop, label) -> take.accept(new LabelledCrop(crop.clone(), label)));
            }
            sourceEnds.accept(folder.toString());
        }
    }
}
