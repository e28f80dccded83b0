package com.parkwatch.vision.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
