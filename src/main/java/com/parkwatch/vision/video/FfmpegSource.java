package com.parkwatch.vision.video;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;

/**
 * Video files and network streams (MP4/H.264, RTSP, HTTP, ...) decoded by FFmpeg. The BGR frame is a Mat over
 * the decoder's own output buffer: no copy per frame.
 */
public final class FfmpegSource implements FrameSource {

    static {
        FfmpegLog.quiet();
    }

    private final String location;
    private final FFmpegFrameGrabber grabber;
    private final int loops;
    private int loopsDone;
    private ByteBuffer wrapped;
    private Mat frame;

    /**
     * @param loops how many times to play the source; streams play once
     */
    public FfmpegSource(String location, boolean stream, int loops) throws SourceException {
        this.location = location;
        this.loops = loops;
        grabber = new FFmpegFrameGrabber(location);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        grabber.setVideoOption("threads", "1");
        if (stream) {
            grabber.setOption("rw_timeout", "5000000");
            grabber.setOption("rtsp_transport", "tcp");
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly();
            throw new SourceException("cannot open " + location + ": it is not a video FFmpeg can read", e);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly();
            throw new SourceException("cannot open " + location + ": it has no video stream");
        }
    }

    @Override
    public Mat next() throws SourceException {
        try {
            Frame decoded = decode(true);
            if (decoded == null) {
                return null;
            }
            ByteBuffer pixels = (ByteBuffer) decoded.image[0];
            if (pixels != wrapped) {
                wrap(decoded, pixels);
            }
            return frame;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new SourceException("the video " + location + " failed while decoding: " + e.getMessage(), e);
        }
    }

    /** Decodes without converting to BGR. */
    @Override
    public boolean skip() throws SourceException {
        try {
            return decode(false) != null;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new SourceException("the video " + location + " failed while decoding: " + e.getMessage(), e);
        }
    }

    /** The next video frame, played again from the start while loops remain; converted to BGR if asked. */
    private Frame decode(boolean toBgr) throws FrameGrabber.Exception {
        Frame decoded = grabber.grabFrame(false, true, toBgr, false, false);
        while (decoded == null && ++loopsDone < loops) {
            grabber.restart();
            decoded = grabber.grabFrame(false, true, toBgr, false, false);
        }
        return decoded;
    }

    /** Points a Mat at the decoder's buffer; happens once, or again only if the decoder reallocates. */
    private void wrap(Frame decoded, ByteBuffer pixels) {
        if (frame != null) {
            frame.release();
        }
        frame = new Mat(decoded.imageHeight, decoded.imageWidth, CvType.CV_8UC3, pixels, decoded.imageStride);
        wrapped = pixels;
    }

    @Override
    public int width() {
        return grabber.getImageWidth();
    }

    @Override
    public int height() {
        return grabber.getImageHeight();
    }

    @Override
    public double frameRate() {
        double rate = grabber.getFrameRate();
        return rate > 0 && rate < 1000 ? rate : 30;
    }

    @Override
    public void close() {
        if (frame != null) {
            frame.release();
            frame = null;
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // nothing more can be done with a decoder that fails to close
        }
    }
}
