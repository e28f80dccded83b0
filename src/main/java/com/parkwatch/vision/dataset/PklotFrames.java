package com.parkwatch.vision.dataset;

import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.image.SpotCropper;
import com.parkwatch.vision.video.ImageFolderSource;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.PklotLabels;
import com.parkwatch.lot.Spot;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Whole frames labelled in PKLot's format: every image under a folder that has an XML file of the same base name
 * anywhere under that folder, except images in folders named {@code masks} (PKLot's segmentation masks share the
 * frames' names). Each labelled space is cut from its rotated rectangle and warped upright, as the live engine
 * cuts rotated spots.
 */
public final class PklotFrames {

    static {
        OpenCv.load();
    }

    public record Frame(Path image, Path xml) {
    }

    private PklotFrames() {
    }

    /** The labelled frames under the folder that {@code keep} accepts, in path order; refuses a folder with none. */
    public static List<Frame> find(Path folder, Predicate<Path> keep) {
        if (!Files.isDirectory(folder)) {
            throw new DataException("cannot read the frames in " + folder + ": no such folder");
        }
        Map<String, Path> xmls = new TreeMap<>();
        List<Path> images;
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            all.stream().filter(f -> f.getFileName().toString().endsWith(".xml"))
                    .forEach(f -> xmls.putIfAbsent(baseName(f), f));
            images = all.stream().filter(ImageFolderSource::isImage).filter(f -> !isMask(folder, f)).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException("cannot read the frames in " + folder + ": " + e.getMessage());
        }
        List<Frame> frames = new ArrayList<>();
        for (Path image : images) {
            Path xml = xmls.get(baseName(image));
            if (xml != null && keep.test(image)) {
                frames.add(new Frame(image, xml));
            }
        }
        if (frames.isEmpty()) {
            throw new DataException("the folder " + folder
                    + " holds no frames with a PKLot XML file of the same name (or none that is selected)");
        }
        return frames;
    }

    /** Calls back with each labelled space of the frame, upright; the crop is valid only during the call. */
    public static void eachSpace(Frame frame, BiConsumer<Mat, Occupancy> action) {
        Mat image = Imgcodecs.imread(frame.image().toString(), Imgcodecs.IMREAD_COLOR);
        if (image.empty()) {
            throw new DataException("cannot read the frame " + frame.image() + ": it is not an image");
        }
        Mat crop = new Mat();
        try {
            PklotLabels labels = PklotLabels.read(frame.xml(), image.cols(), image.rows());
            for (Spot spot : labels.layout().spots()) {
                Occupancy label = labels.labels().get(spot.id());
                if (label != null) {
                    action.accept(SpotCropper.warpUpright(image, SpotCropper.upright(spot), crop), label);
                }
            }
        } finally {
            crop.release();
            image.release();
        }
    }

    private static boolean isMask(Path root, Path image) {
        for (Path dir = image.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
            if (dir.getFileName().toString().equalsIgnoreCase("masks")) {
                return true;
            }
        }
        return false;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
