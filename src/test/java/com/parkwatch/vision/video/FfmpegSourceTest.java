package com.parkwatch.vision.video;

import com.parkwatch.SharedData;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FfmpegSourceTest {

    @TempDir
    Path dir;

    @Test
    void refusesAVideoThatChangesSizeNamingBothSizes() throws Exception {
        Path clip = ResizingClip.write(dir.resolve("resizing.ts"));
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

    /**
     * A clip whose B pictures no other picture is predicted from: skipping to every 10th frame leaves them out of
     * the decoding, and the frames handed out are the very pixels of the same frames decoded in full, over two plays.
     */
    @Test
    void framesAfterSkippedOnesAreTheFramesDecodedInFull() throws Exception {
        Path clip = movingClipWithBPictures(dir.resolve("moving.mp4"), 90);
        long pictures = assertSkippingChangesNoSampledFrame(clip, 10, 2, 180);
        assertTrue(pictures < 150, "non-reference pictures left out: " + pictures + " of 180 decoded");
    }

    /** The same on the tutorial's 720p clip (H.264 with B pictures), at the engine's step of 30. */
    @Test
    void theTutorialClipsSampledFramesAreTheFramesDecodedInFull() throws Exception {
        Path clip = SharedData.require("tutorial-full/carPark_1280x720.mp4");
        long pictures = assertSkippingChangesNoSampledFrame(clip, 30, 1, 849);
        assertTrue(pictures < 700, "non-reference pictures left out: " + pictures + " of 849 decoded");
    }

    /**
     * Plays the clip twice, once skipping between every {@code step}-th frame as the engine does and once decoding
     * every frame, and compares the sampled frames pixel for pixel.
     *
     * @return the pictures the skipping play decoded
     */
    private static long assertSkippingChangesNoSampledFrame(Path clip, int step, int loops, long frames) throws Exception {
        List<Mat> full = new ArrayList<>();
        try (FfmpegSource source = FfmpegSource.file(clip.toString(), loops)) {
            Mat frame;
            for (long f = 0; (frame = source.next()) != null; f++) {
                if (f % step == 0) {
                    full.add(frame.clone());
                }
            }
            assertEquals(frames, source.picturesDecoded());
        }
        try (FfmpegSource source = FfmpegSource.file(clip.toString(), loops)) {
            long played = 0;
            for (int k = 0; k < full.size(); k++) {
                Mat frame = source.next();
                assertNotNull(frame, "sampled frame " + k * step);
                Mat difference = new Mat();
                Core.absdiff(frame, full.get(k), difference);
                assertEquals(0, Core.countNonZero(difference.reshape(1)), "pixels that differ at frame " + k * step);
                difference.release();
                full.get(k).release();
                played += 1 + source.skip(step - 1);
            }
            assertEquals(frames, played, "frames moved past");
            return source.picturesDecoded();
        }
    }

    /** A 150x120 MPEG-4 clip of a bright square moving across grey, with two B pictures between reference pictures. */
    private static Path movingClipWithBPictures(Path file, int frames) throws Exception {
        int width = 150; // rows of 450 bytes: the BGR rows are padded for the scaler's vectors
        int height = 120;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toString(), width, height)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(30);
            recorder.setGopSize(30);
            recorder.setVideoOption("bf", "2");
            recorder.start();
            Frame picture = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) picture.image[0];
            int stride = picture.imageStride;
            for (int i = 0; i < frames; i++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        boolean square = Math.abs(x - i * 3 % width) < 12 && Math.abs(y - 40 - i % 40) < 12;
                        byte value = (byte) (square ? 230 : 60 + (x + y + i) % 40);
                        for (int c = 0; c < 3; c++) {
                            pixels.put(y * stride + x * 3 + c, value);
                        }
                    }
                }
                recorder.record(picture, avutil.AV_PIX_FMT_BGR24);
            }
        }
        return file;
    }
}
