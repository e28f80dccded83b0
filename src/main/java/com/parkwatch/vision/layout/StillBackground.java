package com.parkwatch.vision.layout;

import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.SourceException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What stood still through a stretch of video: the per-pixel median of frames spread over it (a car that parks for
 * most of the stretch is in it, one that drives through is not), and which pixels kept close to that median in
 * most of the frames.
 */
final class StillBackground {

    static {
        OpenCv.load();
    }

    /** A pixel within this many grey levels of its median in a frame was still in that frame. */
    private static final int STILL_LEVELS = 30;
    /** A pixel still in at least this share of the frames stood still over the stretch. */
    private static final double STILL_SHARE = 0.8;

    private final Mat median;
    private final Mat still;

    private StillBackground(Mat median, Mat still) {
        this.median = median;
        this.still = still;
    }

    /** Reads the source to its end (or {@code maxFrames}), keeping {@code samples} frames spread over it. */
    static StillBackground of(FrameSource source, int samples, long maxFrames) throws SourceException {
        long frames = Math.min(maxFrames, source.declaredFrames().orElse(maxFrames));
        long gap = Math.max(1, frames / samples);
        List<byte[]> kept = new ArrayList<>();
        int width = source.width();
        int height = source.height();
        for (long f = 0; f < frames && kept.size() < samples; f++) {
            if (f % gap != 0) {
                if (!source.skip()) {
                    break;
                }
                continue;
            }
            Mat frame = source.next();
            if (frame == null) {
                break;
            }
            byte[] pixels = new byte[width * height * 3];
            frame.get(0, 0, pixels);
            kept.add(pixels);
        }
        if (kept.size() < 3) {
            throw new SourceException("the video has " + kept.size() + " frames to look at: at least 3 are needed to see what stands still");
        }
        return of(width, height, kept);
    }

    /** The stills (JPEG, all of one size), as many as there are. */
    static StillBackground ofJpegs(List<byte[]> jpegs) {
        if (jpegs.isEmpty()) {
            throw new IllegalArgumentException("no picture of the lot yet");
        }
        List<byte[]> frames = new ArrayList<>();
        int width = 0;
        int height = 0;
        for (byte[] jpeg : jpegs) {
            MatOfByte encoded = new MatOfByte(jpeg);
            Mat frame = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
            try {
                if (frame.empty() || (!frames.isEmpty() && (frame.cols() != width || frame.rows() != height))) {
                    continue;
                }
                width = frame.cols();
                height = frame.rows();
                byte[] pixels = new byte[width * height * 3];
                frame.get(0, 0, pixels);
                frames.add(pixels);
            } finally {
                encoded.release();
                frame.release();
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("the pictures of the lot could not be read");
        }
        return of(width, height, frames);
    }

    private static StillBackground of(int width, int height, List<byte[]> frames) {
        int n = frames.size();
        byte[] medianPixels = new byte[width * height * 3];
        byte[] stillPixels = new byte[width * height];
        int[] values = new int[n];
        int[] greys = new int[n];
        for (int p = 0; p < width * height; p++) {
            Arrays.fill(greys, 0);
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < n; k++) {
                    values[k] = frames.get(k)[p * 3 + c] & 0xff;
                    greys[k] += values[k];
                }
                Arrays.sort(values);
                medianPixels[p * 3 + c] = (byte) values[n / 2];
            }
            int medianGrey = (medianPixels[p * 3] & 0xff) + (medianPixels[p * 3 + 1] & 0xff)
                    + (medianPixels[p * 3 + 2] & 0xff);
            int stillFrames = 0;
            for (int k = 0; k < n; k++) {
                // Sums of three channels: three times the grey level.
                stillFrames += Math.abs(greys[k] - medianGrey) <= 3 * STILL_LEVELS ? 1 : 0;
            }
            stillPixels[p] = (byte) (stillFrames >= STILL_SHARE * n ? 255 : 0);
        }
        Mat median = new Mat(height, width, CvType.CV_8UC3);
        median.put(0, 0, medianPixels);
        Mat still = new Mat(height, width, CvType.CV_8UC1);
        still.put(0, 0, stillPixels);
        return new StillBackground(median, still);
    }

    /** The median picture, BGR. */
    Mat median() {
        return median;
    }

    /** 255 where the picture stood still, 0 elsewhere. */
    Mat still() {
        return still;
    }

    void release() {
        median.release();
        still.release();
    }
}
