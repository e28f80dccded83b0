package com.parkwatch.vision.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which classifier a model file holds, told by its first byte: a backbone's head is JSON text ({@code {}), an SVM
 * gzip'd JSON. The names {@value #SHIPPED_SVM} and {@value #SHIPPED_HEAD} stand for the models shipped inside the
 * application; {@code SVM+HEAD} (two names or files joined by {@code +}) for the two combined.
 */
public final class ModelFiles {

    public static final String SHIPPED_SVM = "svm";
    public static final String SHIPPED_HEAD = "backbone";
    private static final String COMBINED = "+";

    private ModelFiles() {
    }

    /**
     * The shipped SVM and head together: on each labelled source left out of training, and on frames made darker or
     * hazier, ahead of either alone (docs/accuracy.md).
     */
    public static CombinedClassifier loadDefault() {
        return CombinedClassifier.loadDefault();
    }

    /** The classifier of a model file; a file that is not one gets a {@link ModelException} in one sentence. */
    public static SpotClassifier load(Path file) {
        String name = file.toString();
        int plus = name.indexOf(COMBINED);
        if (plus > 0 && !Files.exists(file)) {
            SpotClassifier svm = load(Path.of(name.substring(0, plus)));
            SpotClassifier head = load(Path.of(name.substring(plus + 1)));
            if (svm instanceof SvmClassifier s && head instanceof BackboneClassifier h) {
                return new CombinedClassifier(s, h);
            }
            for (SpotClassifier loaded : new SpotClassifier[] {svm, head}) {
                if (loaded instanceof BackboneClassifier b) {
                    b.close();
                }
            }
            throw new ModelException("a combined model is an SVM and a head, in this order: " + name);
        }
        if (name.equals(SHIPPED_SVM)) {
            return SvmClassifier.loadDefault();
        }
        if (name.equals(SHIPPED_HEAD)) {
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
