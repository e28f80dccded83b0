package com.parkwatch.vision.video;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class ReconnectingSourceTest {

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
    void reopensADroppedStreamWithGrowingBackOffAndReportsWhy() throws Exception {
        Deque<Object> attempts = new ArrayDeque<>(List.of(new Stream(2), new SourceException("connection refused"),
                new SourceException("connection refused"), new Stream(1)));
        List<SourceStatus> statuses = new ArrayList<>();
        List<Duration> waits = new ArrayList<>();
        ReconnectingSource source = new ReconnectingSource(() -> {
            Object next = attempts.pop();
            if (next instanceof SourceException e) {
                throw e;
            }
            return (FrameSource) next;
        }, statuses::add, waits::add);

        source.next();
        source.next();
        assertNotNull(source.next(), "a frame from the reopened stream");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
        assertEquals(SourceStatus.State.RUNNING, statuses.get(0).state());
        assertEquals(new SourceStatus(SourceStatus.State.RECONNECTING, "connection reset"), statuses.get(1));
        assertEquals(new SourceStatus(SourceStatus.State.RECONNECTING, "connection refused"), statuses.get(2));
        assertEquals(SourceStatus.State.RUNNING, statuses.get(statuses.size() - 1).state());
        assertEquals(640, source.width());
        source.close();
    }
}
