package com.parkwatch.vision.video;

import com.parkwatch.vision.image.OpenCv;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Video files and network streams (MP4/H.264, RTSP, HTTP, ...) decoded by FFmpeg. The BGR frame is a Mat over
 * the decoder's own output buffer: no copy per frame. Messages name the source without its credentials.
 */
public final class FfmpegSource implements FrameSource {

    static {
        OpenCv.load();
        FfmpegLog.quiet();
    }

    private final String name;
    private final FFmpegFrameGrabber grabber;
    private final boolean stream;
    private final int loops;
    private final int width;
    private final int height;
    private int loopsDone;
    private long delivered;
    private ByteBuffer wrapped;
    private Mat frame;

    /** A video file, played loops times. */
    public static FfmpegSource file(String path, int loops) throws SourceException {
        return new FfmpegSource(path, null, loops);
    }

    /**
     * A network stream, played once. RTSP goes over the given transport; with AUTO, TCP first and UDP when the
     * server refuses TCP.
     */
    public static FfmpegSource stream(String url, RtspTransport transport) throws SourceException {
        if (!url.toLowerCase(Locale.ROOT).startsWith("rtsp://")) {
            return new FfmpegSource(url, "", 1);
        }
        if (transport != RtspTransport.AUTO) {
            return new FfmpegSource(url, transport.name().toLowerCase(Locale.ROOT), 1);
        }
        try {
            return new FfmpegSource(url, "tcp", 1);
        } catch (TransportRefused e) {
            return new FfmpegSource(url, "udp", 1);
        }
    }

    /** Thrown when an RTSP server refuses the transport asked for. */
    private static final class TransportRefused extends SourceException {
        TransportRefused(String message) {
            super(message);
        }
    }

    /**
     * @param rtspTransport null for a file, empty for a stream other than RTSP, else "tcp" or "udp"
     */
    private FfmpegSource(String location, String rtspTransport, int loops) throws SourceException {
        this.name = SourceNames.redacted(location);
        this.stream = rtspTransport != null;
        this.loops = loops;
        grabber = new FFmpegFrameGrabber(location);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        grabber.setVideoOption("threads", "1");
        if (stream) {
            grabber.setOption("rw_timeout", "5000000");
        }
        if (stream && !rtspTransport.isEmpty()) {
            grabber.setOption("rtsp_transport", rtspTransport);
            grabber.setOption("timeout", "5000000");
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly();
            // The cause is left out: javacv's message holds the URL with its credentials.
            int code = OpenFailure.code(e);
            if (code == OpenFailure.TRANSPORT_REFUSED && stream) {
                throw new TransportRefused("cannot open " + name + ": the server does not offer RTSP over "
                        + rtspTransport.toUpperCase(Locale.ROOT) + " (--rtsp-transport auto tries both)");
            }
            throw new SourceException(OpenFailure.sentence(location, stream, code));
        }
        width = grabber.getImageWidth();
        height = grabber.getImageHeight();
        if (width <= 0 || height <= 0) {
            closeQuietly();
            throw new SourceException("cannot open " + name + ": it has no video stream");
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
            throw failed(e);
        }
    }

    /** Decodes without converting to BGR. */
    @Override
    public boolean skip() throws SourceException {
        try {
            return decode(false) != null;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw failed(e);
        }
    }

    private SourceException failed(Exception e) {
        return new SourceException("the video " + name + " failed while decoding: " + SourceNames.redacted(String.valueOf(e.getMessage())));
    }

    /**
     * The next video frame, played again from the start while loops remain; converted to BGR if asked. A converted
     * frame of another size than the first is refused: the layout and the tracker are made for one size.
     */
    private Frame decode(boolean toBgr) throws FrameGrabber.Exception, SourceException {
        Frame decoded = grabber.grabFrame(false, true, toBgr, false, false);
        while (decoded == null && ++loopsDone < loops) {
            grabber.restart();
            decoded = grabber.grabFrame(false, true, toBgr, false, false);
        }
        if (decoded != null && toBgr && (decoded.imageWidth != width || decoded.imageHeight != height)) {
            throw new SourceException(String.format("the video %s changed size from %dx%d to %dx%d at frame %d",
                    name, width, height, decoded.imageWidth, decoded.imageHeight, delivered));
        }
        if (decoded != null) {
            delivered++;
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
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public double frameRate() {
        double rate = grabber.getFrameRate();
        return rate > 0 && rate < 1000 ? rate : 30;
    }

    /** For a file, the frames its header declares times the loops; streams have no end. */
    @Override
    public OptionalLong declaredFrames() {
        int length = grabber.getLengthInFrames();
        return stream || length <= 0 ? OptionalLong.empty() : OptionalLong.of((long) length * loops);
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
