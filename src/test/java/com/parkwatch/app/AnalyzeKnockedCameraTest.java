package com.parkwatch.app;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutFiles;
import com.parkwatch.vision.align.KnockedClip;
import com.parkwatch.vision.sim.SimulatedLot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** analyze's summary line on a clip of the simulated lot (640x360, 10 fps) whose camera is knocked at frame 30. */
class AnalyzeKnockedCameraTest {

    @TempDir
    Path dir;

    private String summary(double dx) throws Exception {
        Path clip;
        Path layout = dir.resolve("layout.json");
        try (SimulatedLot sim = new SimulatedLot(5)) {
            Layout small = sim.ownLayout().orElseThrow().fittedTo(640, 360);
            LayoutFiles.write(small, layout);
            clip = KnockedClip.write(sim, dir.resolve("knocked.mp4"), 640, 360, 10, 3, 60, 30, dx, 4, 0);
        }
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("analyze", "--video", clip.toString(), "--mask", layout.toString(), "--step", "10"));
        } finally {
            System.setOut(console);
        }
        return printed.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }

    @Test
    void theSummaryLineSaysTheCameraMovedAndTheLayoutFollowed() throws Exception {
        String line = summary(6);
        assertTrue(line.matches("analysed 60 frames .*; the camera moved [5-7] px right, [3-5] px down at 3\\.0 s \\(frame 30\\); the layout followed"),
                line);
    }

    @Test
    void theSummaryLineSaysWhenTheCameraMovedTooFar() throws Exception {
        String line = summary(40);
        assertTrue(line.matches("analysed 60 frames .*; the camera moved too far to follow \\(\\d\\d px right, \\d px down\\) at 3\\.0 s \\(frame 30\\): check the layout"),
                line);
    }
}
