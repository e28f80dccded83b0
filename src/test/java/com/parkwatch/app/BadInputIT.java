package com.parkwatch.app;

import com.parkwatch.vision.layout.LargePng;
import com.parkwatch.vision.video.ResizingClip;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input through the packaged jar under a plain {@code java -jar}: refused early, in one sentence on stderr with
 * exit code 1, no stack trace, and a peak resident set (measured by /usr/bin/time) far below what reading the input
 * would have taken.
 */
class BadInputIT {

    /**
     * A refusal costs the JVM and the native libraries, 150-300 MB. The old code decoded the 400 KB, 20000x20000
     * mask below into 2 GB and more before it found anything wrong.
     */
    private static final long MAX_PEAK_KB = 600 * 1024;

    private static final String LAYOUT_720P =
            "{\"width\":1280,\"height\":720,\"spots\":[{\"id\":1,\"polygon\":[[100,100],[200,100],[200,200],[100,200]]}]}";

    @TempDir
    static Path shared;

    /** 90 frames of the simulated lot, written by the project's own VideoSink. */
    private static Path clip;

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err, long peakKb) {
    }

    @BeforeAll
    static void clip() throws Exception {
        Jar.Result made = Jar.run(shared, "analyze", "--video", "sim", "--max-frames", "90", "--out", "clip.mp4");
        assertEquals(0, made.exit(), made.err());
        clip = shared.resolve("clip.mp4");
    }

    private Run run(String... args) throws Exception {
        Path time = Path.of("/usr/bin/time");
        if (!Files.isExecutable(time)) {
            String message = "/usr/bin/time is missing: it measures the peak memory (apt-get install time)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        Path peak = dir.resolve("peak.txt");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(time.toString(), "-f", "%M", "-o", peak.toString(),
                Jar.java(), "-jar", Jar.path().toString()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("parkwatch " + String.join(" ", args) + " did not finish in 3 minutes");
        }
        List<String> measured = Files.readAllLines(peak);
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), Long.parseLong(measured.get(measured.size() - 1).strip()));
    }

    private static void assertCalm(Run r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("Exception") || all.contains("at com.") || all.contains("OpenCV"), "no stack trace: " + all);
        assertTrue(r.peakKb() < MAX_PEAK_KB, "peak resident set " + r.peakKb() / 1024 + " MB");
    }

    /** Exit 1 and exactly this sentence on stderr. */
    private void assertRefused(String sentence, String... args) throws Exception {
        Run r = run(args);
        assertEquals(1, r.exit(), String.join(" ", args) + "\nstderr: " + r.err());
        assertEquals("parkwatch: " + sentence, r.err().strip());
        assertCalm(r);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aMaskWhoseHeaderClaimsAHugeSizeIsRefusedUnread() throws Exception {
        Path mask = LargePng.claiming(dir.resolve("mask.png"), 100000, 100000);
        assertRefused("the mask " + mask + " is 100000x100000 pixels: a mask may be at most 16384 px a side",
                "analyze", "--video", "sim", "--mask", mask.toString());
    }

    @Test
    void aSmallFileThatDecodesToGigabytesIsRefusedBeforeDecoding() throws Exception {
        Path mask = LargePng.mask(dir.resolve("big.png"), 20000, 20000);
        assertTrue(Files.size(mask) < 1_000_000, "a mask of " + Files.size(mask) + " bytes");
        assertRefused("the mask " + mask + " is 20000x20000 pixels: a mask may be at most 16384 px a side",
                "analyze", "--video", "sim", "--mask", mask.toString());
    }

    @Test
    void layoutsWithPointsOutsideTheirFrameOrAnAbsurdSizeAreRefused() throws Exception {
        Path outside = file("outside.json",
                "{\"width\":1280,\"height\":720,\"spots\":[{\"id\":3,\"polygon\":[[10,10],[100000,10],[100000,90000]]}]}");
        assertRefused("the layout " + outside + " has a point (100000, 10) of spot 3 outside its 1280x720 frame",
                "analyze", "--video", clip.toString(), "--mask", outside.toString());
        Path huge = file("huge.json",
                "{\"width\":100000,\"height\":100000,\"spots\":[{\"id\":1,\"polygon\":[[0,0],[5,0],[5,5]]}]}");
        assertRefused("the layout " + huge + " declares 100000x100000 pixels: a layout may be at most 16384 px a side",
                "layout", "--mask", huge.toString());
        Path pklot = file("far.xml", """
                <parking id="x"><space id="7" occupied="0">
                  <rotatedRect><center x="5000000" y="50" /><size w="40" h="20" /><angle d="0" /></rotatedRect>
                </space></parking>
                """);
        assertRefused("the layout " + pklot + " has a point (4999980, 40) of spot 7 outside its 1280x720 frame",
                "analyze", "--video", clip.toString(), "--mask", pklot.toString());
    }

    @Test
    void aStepLongerThanTheClipIsRefused() throws Exception {
        Path layout = file("lot.json", LAYOUT_720P);
        assertRefused("--step 2000000000 is more than the 90 frames of the video: only its first frame would be analysed",
                "analyze", "--video", clip.toString(), "--mask", layout.toString(), "--step", "2000000000");
    }

    @Test
    void aMissingOptionsFileIsNamed() throws Exception {
        Path missing = dir.resolve("parkwatch.conf");
        assertRefused("cannot read the options file " + missing + ": no such file", "@" + missing);
    }

    @Test
    void aTruncatedVideoIsAnalysedAsFarAsItGoesAndSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(clip);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(whole, whole.length * 2 / 5));
        Run r = run("analyze", "--video", cut.toString(), "--mask", file("lot.json", LAYOUT_720P).toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(
                "the video ended at frame \\d+: it is shorter than its header says \\(90 frames\\)")), r.out());
        assertCalm(r);
    }

    @Test
    void aVideoThatChangesSizeIsRefusedNamingBothSizes() throws Exception {
        Path video = ResizingClip.write(dir.resolve("resizing.ts"));
        Path layout = file("lot.json",
                "{\"width\":320,\"height\":240,\"spots\":[{\"id\":1,\"polygon\":[[10,10],[60,10],[60,60],[10,60]]}]}");
        assertRefused("the video " + video + " changed size from 320x240 to 160x120 at frame 20",
                "analyze", "--video", video.toString(), "--mask", layout.toString(), "--annotate");
    }

    @Test
    void aRefusedCameraConnectionIsNamedWithoutItsPassword() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertRefused("cannot connect to rtsp://***@127.0.0.1:" + port + "/crop: connection refused",
                "analyze", "--video", "rtsp://admin:s3cret@127.0.0.1:" + port + "/crop",
                "--mask", file("lot.json", LAYOUT_720P).toString());
    }
}
