package com.parkwatch.vision.video;

import com.parkwatch.vision.image.OpenCv;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The images of a folder in name order, one frame each (time-lapse sequences such as PKLot's). Every image is
 * brought to the size of the first.
 */
public final class ImageFolderSource implements FrameSource {

    static {
        OpenCv.load();
    }

    /** Time-lapse folders have no clock of their own; one image a second keeps the step meaningful. */
    public static final double FRAME_RATE = 1;

    private final List<Path> images;
    private final Mat frame = new Mat();
    private final int loops;
    private int position;
    private int loopsDone;

    public ImageFolderSource(Path folder, int loops) throws SourceException {
        this.loops = loops;
        try (Stream<Path> files = Files.list(folder)) {
            images = files.filter(ImageFolderSource::isImage).sorted().toList();
        } catch (IOException e) {
            throw new SourceException("cannot read the folder " + folder, e);
        }
        if (images.isEmpty()) {
            throw new SourceException("the folder " + folder + " holds no images (jpg, png or bmp)");
        }
        load(images.get(0));
    }

    public static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png") || name.endsWith(".bmp");
    }

    private void load(Path image) throws SourceException {
        Mat read = Imgcodecs.imread(image.toString(), Imgcodecs.IMREAD_COLOR);
        if (read.empty()) {
            throw new SourceException("cannot read the image " + image);
        }
        if (frame.empty()) {
            read.copyTo(frame);
        } else {
            Imgproc.resize(read, frame, new Size(frame.cols(), frame.rows()), 0, 0, Imgproc.INTER_AREA);
        }
        read.release();
    }

    @Override
    public Mat next() throws SourceException {
        if (position == images.size()) {
            if (++loopsDone >= loops) {
                return null;
            }
            position = 0;
        }
        load(images.get(position++));
        return frame;
    }

    @Override
    public int width() {
        return frame.cols();
    }

    @Override
    public int height() {
        return frame.rows();
    }

    @Override
    public double frameRate() {
        return FRAME_RATE;
    }

    @Override
    public OptionalLong declaredFrames() {
        return OptionalLong.of((long) images.size() * loops);
    }

    @Override
    public void close() {
        frame.release();
    }
}
