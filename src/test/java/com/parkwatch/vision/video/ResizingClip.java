package com.parkwatch.vision.video;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A video whose frames change size midway: two MPEG-TS parts end to end, which FFmpeg plays as one stream. */
public final class ResizingClip {

    private ResizingClip() {
    }

    /** Writes an MPEG-TS of 20 frames at one size followed by 20 at another, as a camera that changes resolution sends. */
    public static Path write(Path file) throws Exception {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        for (int width : new int[]{320, 160}) {
            Path part = file.resolveSibling("part" + width + ".ts");
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(part.toString(), width, width * 3 / 4)) {
                recorder.setFormat("mpegts");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(30);
                recorder.start();
                Frame black = new Frame(width, width * 3 / 4, Frame.DEPTH_UBYTE, 3);
                for (int i = 0; i < 20; i++) {
                    recorder.record(black, avutil.AV_PIX_FMT_BGR24);
                }
            }
            both.write(Files.readAllBytes(part));
            Files.delete(part);
        }
        return Files.write(file, both.toByteArray());
    }
}
