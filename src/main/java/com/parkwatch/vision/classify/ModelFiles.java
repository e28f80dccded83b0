package com.parkwatch.vision.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which classifier a model file holds, told by its first byte: a backbone's head is JSON text ({@code {}), an SVM
 * gzip'd JSON. The name {@value #SHIPPED_HEAD} stands for the head shipped inside the application.
 */
public final class ModelFiles {

    public static final String SHIPPED_HEAD = "backbone";

    private ModelFiles() {
    }

    /** The classifier of a model file; a file that is not one gets a {@link ModelException} in one sentence. */
    public static SpotClassifier load(Path file) {
        if (file.toString().equals(SHIPPED_HEAD)) {
            return BackboneClassifier.loadDefault();
        }
        return isHead(file) ? BackboneClassifier.load(file) : SvmClassifier.load(file);
    }

    private static boolean isHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int first;
            do {
                first = in.read();
            } while (Character.isWhitespace(first));
            return first == '{';
        } catch (IOException e) {
            return false;
        }
    }
}
