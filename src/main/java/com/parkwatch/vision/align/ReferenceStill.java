package com.parkwatch.vision.align;

import com.parkwatch.vision.image.OpenCv;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The picture a camera follower compares against, kept as a grey PNG with the layout it was drawn on, so that a
 * camera knocked while ParkWatch was stopped is caught at the first sample of the next run. Written atomically (a
 * temporary file, then a move) so a run stopped mid-write never leaves half a picture.
 */
public final class ReferenceStill {

    static {
        OpenCv.load();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceStill.class);

    private final Path file;
    private final boolean stale;

    /**
     * @param file  where the picture is kept
     * @param stale whether the picture there no longer belongs to the layout (it was drawn again): it is replaced
     */
    public ReferenceStill(Path file, boolean stale) {
        this.file = file;
        this.stale = stale;
    }

    /**
     * "F.reference.png" for the layout file F, in the lot's data directory: kept with the lot's other state rather
     * than beside a layout that may sit in a read-only or shared folder.
     */
    public static Path forLayout(Path dataDir, Path layoutFile) {
        return dataDir.resolve(layoutFile.getFileName() + ".reference.png");
    }

    /** The kept picture (8-bit grey) when there is one of this size; empty, and said once, when it cannot be used. */
    Optional<Mat> read(Size size) {
        if (stale || !Files.exists(file)) {
            return Optional.empty();
        }
        Mat picture;
        try {
            picture = Imgcodecs.imdecode(new MatOfByte(Files.readAllBytes(file)), Imgcodecs.IMREAD_GRAYSCALE);
        } catch (IOException e) {
            picture = new Mat();
        }
        if (picture.empty() || picture.width() != (int) size.width || picture.height() != (int) size.height) {
            LOG.warn("the camera's reference picture {} cannot be used ({}): the first sample replaces it", file,
                    picture.empty() ? "it cannot be read" : "it is " + picture.width() + "x" + picture.height()
                            + ", not " + (int) size.width + "x" + (int) size.height);
            picture.release();
            return Optional.empty();
        }
        return Optional.of(picture);
    }

    /** Keeps the picture (8-bit grey); a failure is logged, never fatal: the lot is watched all the same. */
    void write(Mat grey) {
        MatOfByte png = new MatOfByte();
        try {
            Imgcodecs.imencode(".png", grey, png);
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, png.toArray());
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.info("the camera's reference picture is kept in {}", file);
        } catch (IOException e) {
            LOG.warn("the camera's reference picture cannot be kept in {}: {}", file, e.getMessage());
        } finally {
            png.release();
        }
    }
}
