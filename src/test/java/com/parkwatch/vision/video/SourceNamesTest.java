package com.parkwatch.vision.video;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceNamesTest {

    @Test
    void hidesTheCredentialsOfEveryUrlInAText() {
        assertEquals("rtsp://***@cam.local:554/stream1", SourceNames.redacted("rtsp://admin:s3cret@cam.local:554/stream1"));
        assertEquals("cannot open \"rtsp://***@10.0.0.9/a\" nor http://***@host/b",
                SourceNames.redacted("cannot open \"rtsp://user:pa:ss@10.0.0.9/a\" nor http://token@host/b"));
    }

    @Test
    void leavesNamesWithoutCredentialsAlone() {
        assertEquals("rtsp://cam.local/live?user=x", SourceNames.redacted("rtsp://cam.local/live?user=x"));
        assertEquals("/videos/lot@night.mp4", SourceNames.redacted("/videos/lot@night.mp4"));
    }
}
