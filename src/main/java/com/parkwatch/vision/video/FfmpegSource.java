package com.parkwatch.vision.video;

import com.parkwatch.vision.image.OpenCv;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.opencv.core.Mat;

import java.util.Locale;
import java.util.OptionalLong;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

/**
 * Video files and network streams (MP4/H.264, RTSP, HTTP, ...) demultiplexed by javacv's grabber and decoded by
 * this source's {@link VideoDecoder}, on one thread: frames that are skipped are not converted to BGR, and in a
 * file the non-reference pictures among them are not decoded at all. Messages name the source without its
 * credentials.
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
    private VideoDecoder decoder;
    private int streamIndex;
    /** Whether frames are numbered by their presentation time (files), which lets skips leave pictures out. */
    private boolean numbered;
    private long startTime;
    private double framesPerTick;
    /** The number of the next frame to hand out or skip, counted over all plays. */
    private long position;
    /** The first frame of this play, and how many frames its packets reached so far. */
    private long playStart;
    private long playLength;
    /** True when a skip stopped at a decoded picture that {@link #next} hands out. */
    private boolean held;
    /** Pictures the decoder made: fewer than the frames moved past when skips left some out. */
    private long pictures;
    /** True once the decoder was told the file ended. */
    private boolean drained;

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
        // The grabber opens and demultiplexes; pictures come from this source's own decoder.
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
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
        try {
            decoder = openDecoder();
        } catch (SourceException e) {
            closeQuietly();
            throw new SourceException("cannot open " + name + ": " + e.getMessage());
        }
    }

    /** The next frame in BGR: the one a skip stopped at, or the decoder's next picture, fully decoded. */
    @Override
    public Mat next() throws SourceException {
        try {
            if (!advance()) {
                return null;
            }
            if (decoder.pictureWidth() != width || decoder.pictureHeight() != height) {
                throw new SourceException(String.format("the video %s changed size from %dx%d to %dx%d at frame %d",
                        name, width, height, decoder.pictureWidth(), decoder.pictureHeight(), position - 1));
            }
            return decoder.bgr();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw failed(e);
        }
    }

    /** Decodes the next frame's picture in full, leaving out only its conversion to BGR. */
    @Override
    public boolean decodeOnly() throws SourceException {
        try {
            return advance();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw failed(e);
        }
    }

    /** Moves to the next frame's picture: the one a skip stopped at, or the decoder's next one. */
    private boolean advance() throws FrameGrabber.Exception, SourceException {
        if (!held && !decodeNext(Long.MIN_VALUE)) {
            return false;
        }
        held = false;
        position++;
        return true;
    }

    /**
     * Moves past frames without converting them to BGR. In a file, whose frames are numbered by their time, the
     * non-reference pictures among them are not even decoded, and the frame after them, which the next call to
     * {@link #next} hands out, is decoded in full: it is the same picture as when every frame is decoded.
     */
    @Override
    public long skip(long frames) throws SourceException {
        long target = position + frames;
        long from = position;
        try {
            while (position < target) {
                if (!held && !decodeNext(target)) {
                    break;
                }
                long time = decoder.time();
                long shown = numbered && time != VideoDecoder.NO_TIME ? frameOf(time) : position;
                if (shown >= target) {
                    // The frame asked for next (or, should it be missing from the file, the one after it).
                    held = true;
                    position = target;
                } else {
                    held = false;
                    // Pictures left out of a file are passed too: the next picture's time says how many.
                    position = Math.max(position, shown) + 1;
                }
            }
            return Math.min(position, target) - from;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw failed(e);
        }
    }

    private SourceException failed(Exception e) {
        return new SourceException("the video " + name + " failed while decoding: " + SourceNames.redacted(String.valueOf(e.getMessage())));
    }

    /**
     * Decodes until the next picture comes out, playing a file again from the start while loops remain. Packets of
     * frames before {@code dropBefore} go in without their non-reference pictures.
     *
     * @return false when the source has ended
     */
    private boolean decodeNext(long dropBefore) throws FrameGrabber.Exception, SourceException {
        while (!decoder.receive()) {
            if (drained) {
                if (++loopsDone >= loops) {
                    return false;
                }
                playAgain();
                continue;
            }
            AVPacket packet = grabber.grabPacket();
            if (packet == null) {
                decoder.drain();
                drained = true;
                continue;
            }
            try {
                if (packet.stream_index() == streamIndex) {
                    // A packet without a time is never left out: which frame it is is not known.
                    boolean timed = numbered && packet.pts() != VideoDecoder.NO_TIME;
                    long frame = timed ? frameOf(packet.pts()) : Long.MAX_VALUE;
                    if (timed) {
                        playLength = Math.max(playLength, frame + 1 - playStart);
                    }
                    decoder.send(packet, frame < dropBefore);
                }
            } finally {
                av_packet_unref(packet);
            }
        }
        pictures++;
        return true;
    }

    /** The frame a presentation time falls on, counted from the first frame of the first play. */
    private long frameOf(long time) {
        return playStart + Math.round((time - startTime) * framesPerTick);
    }

    /** Opens the file again from its start with a new decoder: the next play numbers its frames after this one's. */
    private void playAgain() throws FrameGrabber.Exception, SourceException {
        playStart += Math.max(playLength, position - playStart);
        position = playStart;
        playLength = 0;
        decoder.close();
        decoder = null;
        grabber.restart();
        decoder = openDecoder();
        drained = false;
    }

    /** A decoder for the grabber's video stream; frames are numbered by their time in a file that has times. */
    private VideoDecoder openDecoder() throws SourceException {
        streamIndex = grabber.getVideoStream();
        AVStream video = grabber.getFormatContext().streams(streamIndex);
        startTime = video.start_time();
        framesPerTick = av_q2d(video.time_base()) * frameRate();
        numbered = !stream && startTime != VideoDecoder.NO_TIME && framesPerTick > 0;
        return new VideoDecoder(video, width, height);
    }

    /** How many pictures were decoded so far: frames moved past, less the pictures skips left out. */
    public long picturesDecoded() {
        return pictures;
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
        if (decoder != null) {
            decoder.close();
            decoder = null;
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
