package com.parkwatch.vision;

import com.parkwatch.vision.image.OpenCv;
import com.parkwatch.vision.sim.SimulatedLot;
import com.parkwatch.vision.video.FfmpegSource;
import com.parkwatch.vision.video.FrameSource;
import com.parkwatch.vision.video.ImageFolderSource;
import com.parkwatch.vision.video.ReconnectingSource;
import com.parkwatch.vision.video.SourceException;
import com.parkwatch.vision.video.SourceStatus;
import com.parkwatch.vision.video.VideoSink;

import com.parkwatch.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameSourcesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    /** Writes frames of the simulated lot through FFmpeg's encoder, as analyze --out does. */
    private Path simulatedClip(String name, int frames) throws Exception {
        Path file = dir.resolve(name);
        try (SimulatedLot lot = new SimulatedLot(5);
             VideoSink sink = new VideoSink(file, lot.width(), lot.height(), lot.frameRate())) {
            for (int i = 0; i < frames; i++) {
                lot.next().copyTo(sink.canvas());
                sink.write();
            }
        }
        return file;
    }

    private static int countFrames(FrameSource source) throws Exception {
        int n = 0;
        while (source.next() != null) {
            n++;
        }
        return n;
    }

    @Test
    void decodesWhatTheEncoderWroteFrameForFrame() throws Exception {
        for (String name : new String[]{"clip.mp4", "clip.avi"}) {
            Path clip = simulatedClip(name, 45);
            try (FrameSource source = FrameSources.open(clip.toString(), 1, s -> { })) {
                assertInstanceOf(FfmpegSource.class, source);
                assertEquals(1280, source.width());
                assertEquals(720, source.height());
                assertEquals(30, source.frameRate(), 0.01);
                Mat first = source.next();
                assertEquals(CvType.CV_8UC3, first.type());
                try (SimulatedLot lot = new SimulatedLot(5)) {
                    Mat diff = new Mat();
                    Core.absdiff(first, lot.next(), diff);
                    assertTrue(Core.mean(diff).val[0] < 6, name + ": decoded frame differs by " + Core.mean(diff));
                }
                assertEquals(44, countFrames(source), name);
            }
        }
    }

    @Test
    void loopsAFileTheAskedNumberOfTimes() throws Exception {
        Path clip = simulatedClip("loop.mp4", 20);
        try (FrameSource source = FrameSources.open(clip.toString(), 3, s -> { })) {
            assertEquals(60, countFrames(source));
        }
    }

    @Test
    void readsANetworkStreamAndReconnectsWhenItEnds() throws Exception {
        Path clip = simulatedClip("served.mp4", 15);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/lot.mp4", exchange -> {
            byte[] body = Files.readAllBytes(clip);
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/lot.mp4";
        try (FrameSource source = FrameSources.open(url, 1, statuses::add)) {
            assertInstanceOf(ReconnectingSource.class, source);
            for (int i = 0; i < 20; i++) {
                assertNotNull(source.next(), "frame " + i);
            }
            assertEquals(1280, source.width());
        } finally {
            server.stop(0);
        }
        assertEquals(List.of(SourceStatus.State.RUNNING, SourceStatus.State.RECONNECTING, SourceStatus.State.RUNNING),
                statuses.stream().map(SourceStatus::state).toList());
        assertEquals("the stream ended", statuses.get(1).reason());
    }

    @Test
    void decodesTheRealTutorialClip() throws Exception {
        Path clip = SharedData.require("tutorial-crop/parking_crop.mp4");
        try (FrameSource source = FrameSources.open(clip.toString(), 1, s -> { })) {
            assertEquals(380, source.width());
            assertEquals(452, source.height());
            assertEquals(849, countFrames(source));
        }
    }

    @Test
    void refusesWhatIsNotAVideo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video");
        assertTrue(assertThrows(SourceException.class, () -> FrameSources.open(text.toString(), 1, s -> { }))
                .getMessage().contains("not a video"));
        assertTrue(assertThrows(SourceException.class, () -> FrameSources.open(dir.resolve("none.mp4").toString(), 1, s -> { }))
                .getMessage().contains("no such file"));
    }

    @Test
    void playsAFolderOfImagesInNameOrderAtTheFirstImagesSize() throws Exception {
        Imgcodecs.imwrite(dir.resolve("b.png").toString(), new Mat(40, 60, CvType.CV_8UC3, new Scalar(0, 0, 200)));
        Imgcodecs.imwrite(dir.resolve("a.png").toString(), new Mat(40, 60, CvType.CV_8UC3, new Scalar(200, 0, 0)));
        Imgcodecs.imwrite(dir.resolve("c.jpg").toString(), new Mat(80, 120, CvType.CV_8UC3, new Scalar(0, 200, 0)));
        Files.writeString(dir.resolve("readme.txt"), "ignored");
        try (FrameSource source = FrameSources.open(dir.toString(), 2, s -> { })) {
            assertInstanceOf(ImageFolderSource.class, source);
            Mat a = source.next();
            assertEquals(200, a.get(0, 0)[0], 1);
            assertEquals(200, source.next().get(0, 0)[2], 1);
            Mat c = source.next();
            assertEquals(60, c.cols());
            assertEquals(200, c.get(10, 10)[1], 2);
            assertEquals(3, countFrames(source));
            assertNull(source.next());
        }
    }

    @Test
    void aMissingCameraIsRefusedInOneSentence() {
        SourceException e = assertThrows(SourceException.class, () -> FrameSources.open("/dev/video63", 1, s -> { }));
        assertEquals("cannot open camera /dev/video63: no such camera, or it is busy", e.getMessage());
    }

    @Test
    void simIsTheSimulatedLotWithItsOwnLayout() throws Exception {
        try (FrameSource source = FrameSources.open("sim:9", 1, s -> { })) {
            assertInstanceOf(SimulatedLot.class, source);
            assertEquals(72, source.ownLayout().orElseThrow().size());
            assertNotNull(source.next());
        }
    }
}
