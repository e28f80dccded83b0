package com.parkwatch.vision.classify;

import com.parkwatch.vision.dataset.PatchFolders;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where one camera's corrections are kept: each corrected crop as a PNG in a folder named for its right state
 * ({@code free/} or {@code occupied/}, the layout {@code train --data} and {@code evaluate --patches} read), so that
 * they survive restarts and can be looked at, taken back or trained on.
 */
public final class CorrectionFolder {

    private final Path folder;

    public CorrectionFolder(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Keeps a corrected crop; returns its file. */
    public Path keep(Mat crop, int spotId, Occupancy truth) {
        Path file = folder.resolve(truth.word()).resolve("spot-" + spotId + "-" + System.currentTimeMillis() + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the correction in " + file.getParent(), e);
        }
        if (!Imgcodecs.imwrite(file.toString(), crop)) {
            throw new UncheckedIOException(new IOException("cannot write the correction " + file));
        }
        return file;
    }

    private boolean holdsFiles() {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corrections in " + folder, e);
        }
    }

    /** Teaches the classifier every correction kept so far; returns how many. */
    public int teach(SpotClassifier classifier) {
        if (!holdsFiles()) {
            return 0;
        }
        int taught = 0;
        for (PatchFolders.Patch p : PatchFolders.read(folder)) {
            Mat crop = Imgcodecs.imread(p.image().toString(), Imgcodecs.IMREAD_COLOR);
            if (!crop.empty() && classifier.learn(crop, p.label())) {
                taught++;
            }
            crop.release();
        }
        return taught;
    }
}
