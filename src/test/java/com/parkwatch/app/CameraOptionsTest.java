package com.parkwatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --video and --mask repeated and paired in order, on the command line and in an @file. */
class CameraOptionsTest {

    @TempDir
    Path dir;

    private static CameraOptions parsed(String... args) {
        CameraOptions options = new CameraOptions();
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return options;
    }

    @Test
    void videosAndMasksPairInOrder() {
        List<CameraOptions.Camera> cameras = parsed("--video", "a.mp4", "--mask", "a.png", "--video", "b.mp4",
                "--mask", "b.png").cameras(null);
        assertEquals(List.of(new CameraOptions.Camera("a.mp4", Path.of("a.png")),
                new CameraOptions.Camera("b.mp4", Path.of("b.png"))), cameras);
    }

    @Test
    void fewerMasksGoWithTheVideosThatAreNotSim() {
        List<CameraOptions.Camera> cameras = parsed("--video", "sim", "--video", "b.mp4", "--mask", "b.png")
                .cameras(null);
        assertNull(cameras.get(0).mask());
        assertEquals(Path.of("b.png"), cameras.get(1).mask());
    }

    @Test
    void theKioskWatchesTheSimulatedLotWithoutVideo() {
        assertEquals(List.of(new CameraOptions.Camera("sim", null)), parsed().cameras("sim"));
    }

    @Test
    void aCountMismatchOrAMissingMaskIsOneSentence() {
        String mismatch = assertThrows(IllegalArgumentException.class, () -> parsed("--video", "a.mp4", "--video",
                "b.mp4", "--video", "c.mp4", "--mask", "a.png", "--mask", "b.png").cameras(null)).getMessage();
        assertEquals("3 --video and 2 --mask do not pair: give one --mask per --video, in the same order", mismatch);
        String missing = assertThrows(IllegalArgumentException.class, () -> parsed("--video", "sim", "--video",
                "b.mp4").cameras(null)).getMessage();
        assertEquals("--mask is needed for b.mp4 (camera 2): only the simulated lot brings its own layout", missing);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parsed().cameras(null)).getMessage()
                .startsWith("--video is needed"));
    }

    @Test
    void serveAndTheKioskRefuseMasksThatDoNotPairBeforeOpeningAnything() {
        assertEquals(1, Main.run("serve", "--video", "a.mp4", "--video", "b.mp4", "--mask", "a.png", "--mask", "b.png",
                "--mask", "c.png", "--port", "0", "--data-dir", dir.resolve("data").toString()));
        assertEquals(1, Main.run("--video", "sim", "--video", "b.mp4", "--port", "-1", "--data-dir",
                dir.resolve("data").toString()));
        assertTrue(Files.notExists(dir.resolve("data").resolve("bookings.db")), "nothing opened");
    }

    @Test
    void theOptionsFileRepeatsThemOneALine() throws Exception {
        Path file = dir.resolve("lot.options");
        Files.writeString(file, "--video\nsim\n--video\nsim:7\n");
        List<CameraOptions.Camera> cameras = parsed("@" + file).cameras(null);
        assertEquals(List.of(new CameraOptions.Camera("sim", null), new CameraOptions.Camera("sim:7", null)), cameras);
    }
}
