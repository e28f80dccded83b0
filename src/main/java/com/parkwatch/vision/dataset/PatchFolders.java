package com.parkwatch.vision.dataset;

import com.parkwatch.vision.video.ImageFolderSource;

import com.parkwatch.lot.Occupancy;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Labelled patches on disk: an image's class is the nearest folder above it named {@code empty} or {@code free}
 * (free) or {@code occupied}, {@code not_empty} or {@code busy} (occupied), in any case.
 */
public final class PatchFolders {

    public record Patch(Path image, Occupancy label) {

        /** The image as 8-bit BGR, which the caller releases; one that does not decode is refused with its name. */
        public Mat read() {
            Mat pixels = Imgcodecs.imread(image.toString(), Imgcodecs.IMREAD_COLOR);
            if (pixels.empty()) {
                throw new DataException("cannot read the patch " + image + ": it is not an image");
            }
            return pixels;
        }
    }

    private static final Map<String, Occupancy> CLASS_NAMES = Map.of(
            "empty", Occupancy.FREE, "free", Occupancy.FREE,
            "occupied", Occupancy.OCCUPIED, "not_empty", Occupancy.OCCUPIED, "busy", Occupancy.OCCUPIED);

    private PatchFolders() {
    }

    /** Every labelled image under the folder, in path order; refuses a folder with none. */
    public static List<Patch> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DataException("cannot read the patches in " + folder + ": no such folder");
        }
        List<Patch> patches;
        try (Stream<Path> files = Files.walk(folder)) {
            patches = files.filter(Files::isRegularFile).filter(ImageFolderSource::isImage).sorted()
                    .flatMap(f -> labelOf(folder, f).map(label -> new Patch(f, label)).stream())
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("cannot read the patches in " + folder + ": " + e.getMessage());
        }
        if (patches.isEmpty()) {
            throw new DataException("the folder " + folder
                    + " holds no labelled patches: put images in folders named empty/free and occupied/not_empty/busy");
        }
        return patches;
    }

    private static Optional<Occupancy> labelOf(Path root, Path image) {
        for (Path dir = image.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
            Occupancy label = CLASS_NAMES.get(dir.getFileName().toString().toLowerCase(Locale.ROOT));
            if (label != null) {
                return Optional.of(label);
            }
            if (dir.equals(root)) {
                break;
            }
        }
        return Optional.empty();
    }
}
