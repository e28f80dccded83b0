package com.parkwatch.app;

import com.parkwatch.vision.classify.CorrectionFolder;
import com.parkwatch.vision.classify.ModelFiles;
import com.parkwatch.vision.classify.SpotClassifier;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which classifier model to use: a file, or the default one shipped in the application. */
public final class ModelOption {

    @Option(names = "--model", paramLabel = "MODEL", description = {"Classifier model made by 'train' (default: the shipped"
            + " SVM and network's head together, '" + ModelFiles.SHIPPED_SVM + "+" + ModelFiles.SHIPPED_HEAD + "');",
            "'" + ModelFiles.SHIPPED_SVM + "' or '" + ModelFiles.SHIPPED_HEAD + "': the shipped SVM or the shipped"
            + " pretrained network with its trained head alone; SVM+HEAD: an SVM and a head (files or those names) combined."})
    Path model;

    public SpotClassifier load() {
        return model == null ? ModelFiles.loadDefault() : ModelFiles.load(model);
    }

    /** The model, taught the corrections an operator made for this camera (and saying how many there were). */
    SpotClassifier loadWithCorrections(CorrectionFolder corrections) {
        SpotClassifier classifier = load();
        int taught = corrections.teach(classifier);
        if (taught > 0) {
            System.out.println("learnt " + taught + " corrections kept in " + corrections.folder());
        }
        return classifier;
    }
}
