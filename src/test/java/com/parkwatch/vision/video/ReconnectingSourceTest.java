package com.parkwatch.vision.video;

import com.parkwatch.vision.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ReconnectingSourceTest {

    static {
        OpenCv.load();
    }

    /** A stream that delivers some frames and then drops. */
    private static final class Stream implements FrameSource {
        private final Mat frame = new Mat();
        private int left;

        Stream(int frames) {
            left = frames;
        }

        @Override
        public Mat next() throws SourceException {
            if (left-- > 0) {
                return frame;
            }
            throw new SourceException("connection reset");
        }

        @Override
        public int width() {
            return 640;
        }

        @Override
        public int height() {
            return 480;
        }

        @Override
        public double frameRate() {
            return 25;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void reopensADroppedStreamWithGrowingBackOffAndReportsWhyAndWhen() throws Exception {
        Deque<Object> attempts = new ArrayDeque<>(List.of(new Stream(2), new SourceException("connection refused"),
                new SourceException("connection refused"), new Stream(1), new Stream(1)));
        Instant now = Instant.parse("2026-11-28T07:00:00Z");
        List<SourceStatus> statuses = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        ReconnectingSource source = new ReconnectingSource(() -> {
            Object next = attempts.pop();
            if (next instanceof SourceException e) {
                throw e;
            }
            return (FrameSource) next;
        }, statuses::add, waits::add, Clock.fixed(now, ZoneOffset.UTC));

        source.next();
        source.next();
        assertNotNull(source.next(), "a frame from the reopened stream");
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
        assertEquals(List.of(SourceStatus.running(),
                SourceStatus.reconnecting("connection reset", now),
                SourceStatus.reconnecting("connection refused", now.plusSeconds(1)),
                SourceStatus.reconnecting("connection refused", now.plusSeconds(2)),
                SourceStatus.running()), statuses);
        assertEquals(640, source.width());

        // After a success the next outage is retried at once again.
        assertNotNull(source.next(), "a frame from the stream opened after the second drop");
        assertEquals(Duration.ZERO, waits.get(waits.size() - 1));
        source.close();
    }

    @Test
    void skippingOverADropReconnectsAndSkipsOnTheNewStream() throws Exception {
        Deque<FrameSource> streams = new ArrayDeque<>(List.of(new Stream(3), new Stream(10)));
        List<SourceStatus> statuses = new ArrayList<>();
        Instant now = Instant.parse("2026-11-28T07:00:00Z");
        ReconnectingSource source = new ReconnectingSource(streams::pop, statuses::add, wait -> { },
                Clock.fixed(now, ZoneOffset.UTC));

        assertEquals(6, source.skip(6), "the frames asked for, the rest taken from the reopened stream");
        assertNotNull(source.next());
        assertEquals(List.of(SourceStatus.running(), SourceStatus.reconnecting("connection reset", now),
                SourceStatus.running()), statuses);
        source.close();
    }
}
