package com.parkwatch.vision.align;

import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.video.VideoSink;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Path;

/** Writes a copy of a source whose camera is knocked from a frame on, through the project's own video sink. */
public final class KnockedClip {

    private KnockedClip() {
    }

    /**
     * @param every  keep every n-th frame of the source (a slower clip of the simulated lot)
     * @param frames how many frames the copy has
     * @param from   the copy's first knocked frame
     */
    public static Path write(FrameSource source, Path to, int width, int height, double frameRate, int every, int frames,
                             int from, double dx, double dy, double degrees) throws SourceException {
        Mat sized = new Mat();
        try (VideoSink sink = new VideoSink(to, width, height, frameRate);
             Knock knock = new Knock(width, height, dx, dy, degrees)) {
            for (int f = 0; f < frames; f++) {
                Mat frame = null;
                for (int k = 0; k < every; k++) {
                    frame = source.next();
                }
                if (frame == null) {
                    break;
                }
                Imgproc.resize(frame, sized, sink.canvas().size(), 0, 0, Imgproc.INTER_AREA);
                (f < from ? sized : knock.apply(sized)).copyTo(sink.canvas());
                sink.write();
            }
        } finally {
            sized.release();
        }
        return to;
    }
}
