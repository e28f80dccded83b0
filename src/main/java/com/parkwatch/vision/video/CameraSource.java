package com.parkwatch.vision.video;

import com.parkwatch.vision.image.OpenCv;

import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/** A USB camera through OpenCV's V4L2 back-end. */
public final class CameraSource implements FrameSource {

    static {
        OpenCv.load();
    }

    private final int index;
    private final VideoCapture capture;
    private final Mat frame = new Mat();

    public CameraSource(int index) throws SourceException {
        this.index = index;
        capture = new VideoCapture(index, Videoio.CAP_V4L2);
        if (!capture.isOpened() || !capture.read(frame)) {
            capture.release();
            throw new SourceException("cannot open camera /dev/video" + index + ": no such camera, or it is busy");
        }
    }

    @Override
    public Mat next() throws SourceException {
        if (!capture.read(frame) || frame.empty()) {
            throw new SourceException("camera /dev/video" + index + " stopped delivering frames");
        }
        return frame;
    }

    @Override
    public boolean isLive() {
        return true;
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
        double rate = capture.get(Videoio.CAP_PROP_FPS);
        return rate > 0 && rate < 1000 ? rate : 30;
    }

    @Override
    public void close() {
        capture.release();
        frame.release();
    }
}
