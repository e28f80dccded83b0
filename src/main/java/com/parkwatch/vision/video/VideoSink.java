package com.parkwatch.vision.video;

import com.parkwatch.vision.image.OpenCv;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes annotated frames to an MP4 (MPEG-4 part 2) or AVI (Motion JPEG) file through FFmpeg. Frames are drawn
 * into {@link #canvas()}, a Mat over a buffer the encoder reads directly.
 */
public final class VideoSink implements AutoCloseable {

    static {
        OpenCv.load();
        FfmpegLog.quiet();
    }

    private final Path file;
    private final FFmpegFrameRecorder recorder;
    private final ByteBuffer pixels;
    private final Mat canvas;
    private final Frame frame;

    public VideoSink(Path file, int width, int height, double frameRate) throws SourceException {
        this.file = file;
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean avi = name.endsWith(".avi");
        if (!avi && !name.endsWith(".mp4")) {
            throw new SourceException("cannot write " + file + ": the output must end in .mp4 or .avi");
        }
        recorder = new FFmpegFrameRecorder(file.toString(), width, height);
        recorder.setFormat(avi ? "avi" : "mp4");
        recorder.setVideoCodec(avi ? avcodec.AV_CODEC_ID_MJPEG : avcodec.AV_CODEC_ID_MPEG4);
        recorder.setPixelFormat(avi ? avutil.AV_PIX_FMT_YUVJ420P : avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(frameRate);
        recorder.setVideoQuality(avi ? 3 : 4);
        if (!avi) {
            // Index first, so that the file plays while it downloads and over servers without range requests.
            recorder.setOption("movflags", "faststart");
        }
        try {
            recorder.start();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            throw new SourceException("cannot write " + file + ": " + e.getMessage(), e);
        }
        pixels = ByteBuffer.allocateDirect(width * height * 3);
        canvas = new Mat(height, width, CvType.CV_8UC3, pixels);
        frame = new Frame();
        frame.imageWidth = width;
        frame.imageHeight = height;
        frame.imageDepth = Frame.DEPTH_UBYTE;
        frame.imageChannels = 3;
        frame.imageStride = width * 3;
        frame.image = new java.nio.Buffer[]{pixels};
    }

    /** The frame to draw on before {@link #write()}. */
    public Mat canvas() {
        return canvas;
    }

    public void write() throws SourceException {
        try {
            recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
        } catch (FrameRecorder.Exception e) {
            throw new SourceException("writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SourceException {
        try {
            recorder.close();
        } catch (FrameRecorder.Exception e) {
            throw new SourceException("finishing " + file + " failed: " + e.getMessage(), e);
        } finally {
            canvas.release();
        }
    }
}
