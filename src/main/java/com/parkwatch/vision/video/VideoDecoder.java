package com.parkwatch.vision.video;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * One video stream's decoder, on one thread, with its BGR picture. Packets go in with or without their
 * non-reference pictures (FFmpeg's {@code skip_frame = AVDISCARD_NONREF}): no later picture is predicted from
 * those, so leaving out the ones no one looks at changes no other picture. Pictures come out in display order and
 * are converted to BGR only when asked. Everything native is allocated here once and freed by {@link #close}.
 */
final class VideoDecoder implements AutoCloseable {

    private static final int ROW_ALIGNMENT = 64;

    private final AVCodecContext context;
    private final AVFrame picture;
    /** The picture's plane pointers and strides: members of the one AVFrame, at fixed addresses. */
    private final PointerPointer<?> planes;
    private final IntPointer strides;
    private final int width;
    private final int height;
    private final BytePointer bgr;
    private final PointerPointer<?> bgrPlanes;
    private final IntPointer bgrStrides;
    private final ByteBuffer bgrBuffer;
    private final Mat bgrFrame;
    private SwsContext scaler;
    private int scalerFormat;

    /** A decoder for the stream, making BGR pictures of {@code width} x {@code height}. */
    VideoDecoder(AVStream stream, int width, int height) throws SourceException {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            throw new SourceException("no decoder for the video's codec");
        }
        context = avcodec_alloc_context3(codec);
        picture = av_frame_alloc();
        planes = picture.data();
        strides = picture.linesize();
        this.width = width;
        this.height = height;
        // The scaler writes whole vectors: rows padded to 64 bytes (as javacv's own), and some spare at the end.
        int stride = (width * 3 + ROW_ALIGNMENT - 1) / ROW_ALIGNMENT * ROW_ALIGNMENT;
        long size = (long) stride * height + ROW_ALIGNMENT;
        bgr = new BytePointer(av_malloc(size)).capacity(size);
        bgrPlanes = new PointerPointer<>(1).put(0, bgr);
        bgrStrides = new IntPointer(1).put(0, stride);
        bgrBuffer = bgr.asByteBuffer();
        bgrFrame = new Mat(height, width, CvType.CV_8UC3, bgrBuffer, stride);
        // One thread: FFmpeg's frame threads spread their buffers over malloc arenas and the resident set grows.
        context.thread_count(1);
        if (avcodec_parameters_to_context(context, stream.codecpar()) < 0
                || avcodec_open2(context, codec, (AVDictionary) null) < 0) {
            close();
            throw new SourceException("cannot open a decoder for the video's codec");
        }
    }

    /**
     * Hands the decoder a packet; its picture is left out if it is a non-reference one and {@code dropIfNonReference}.
     * A damaged packet is left out, as FFmpeg's own players do: the pictures after it still come.
     */
    void send(AVPacket packet, boolean dropIfNonReference) {
        context.skip_frame(dropIfNonReference ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
        avcodec_send_packet(context, packet);
    }

    /** Tells the decoder the stream ended: the pictures it still holds come out. */
    void drain() {
        context.skip_frame(AVDISCARD_DEFAULT);
        avcodec_send_packet(context, null);
    }

    /** The next picture in display order, if the packets so far make one. */
    boolean receive() {
        return avcodec_receive_frame(context, picture) >= 0;
    }

    /** The received picture's presentation time in the stream's time base, or {@link #NO_TIME}. */
    long time() {
        return picture.best_effort_timestamp();
    }

    static final long NO_TIME = AV_NOPTS_VALUE;

    int pictureWidth() {
        return picture.width();
    }

    int pictureHeight() {
        return picture.height();
    }

    /** The received picture in BGR, in a Mat that belongs to the decoder and is overwritten by the next call. */
    Mat bgr() {
        // Made again only if the pictures' pixel format changes: each call would wrap the scaler in a new object.
        if (scaler == null || picture.format() != scalerFormat) {
            scalerFormat = picture.format();
            scaler = sws_getCachedContext(scaler, width, height, scalerFormat, width, height, AV_PIX_FMT_BGR24,
                    SWS_BILINEAR, null, null, (DoublePointer) null);
        }
        sws_scale(scaler, planes, strides, 0, height, bgrPlanes, bgrStrides);
        return bgrFrame;
    }

    @Override
    public void close() {
        bgrFrame.release();
        sws_freeContext(scaler);
        scaler = null;
        av_frame_free(picture);
        avcodec_free_context(context);
        av_free(bgr);
        bgrPlanes.close();
        bgrStrides.close();
    }
}
