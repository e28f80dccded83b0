package com.parkwatch.vision.video;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FfmpegSourceTest {

    @TempDir
    Path dir;

    /** An MPEG-TS of 20 frames at one size followed by 20 at another, as a camera that changes resolution sends. */
    public static Path resizingClip(Path file) throws Exception {
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

    @Test
    void refusesAVideoThatChangesSizeNamingBothSizes() throws Exception {
        Path clip = resizingClip(dir.resolve("resizing.ts"));
        try (FfmpegSource source = FfmpegSource.file(clip.toString(), 1)) {
            for (int i = 0; i < 20; i++) {
                assertNotNull(source.next(), "frame " + i);
            }
            assertEquals("the video " + clip + " changed size from 320x240 to 160x120 at frame 20",
                    assertThrows(SourceException.class, source::next).getMessage());
        }
    }

    @Test
    void namesARefusedConnectionWithoutTheCredentials() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "rtsp://admin:s3cret@127.0.0.1:" + port + "/stream1";
        assertEquals("cannot connect to rtsp://***@127.0.0.1:" + port + "/stream1: connection refused",
                assertThrows(SourceException.class, () -> FfmpegSource.stream(url, RtspTransport.AUTO)).getMessage());
    }
}
