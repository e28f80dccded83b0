package com.parkwatch.app;

import com.parkwatch.vision.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk's --size and --lang, through the real jar: a screenshot of the size asked, bad values refused in a sentence. */
class KioskSizeAndLanguageIT {

    static {
        OpenCv.load();
    }

    @TempDir
    Path dir;

    @Test
    void aScreenshotIsDrawnAtTheSizeAskedInTheLanguageAsked() throws Exception {
        Jar.Result r = Jar.run(dir, "--screenshot", "kiosk.png", "--size", "1024x768", "--lang", "de", "--after-frames",
                "20", "--port", "-1", "--data-dir", dir.resolve("data").toString());
        assertEquals(0, r.exit(), r.err());
        Mat shot = Imgcodecs.imread(dir.resolve("kiosk.png").toString());
        assertEquals(1024, shot.cols());
        assertEquals(768, shot.rows());
    }

    @Test
    void aSizeBelow1024x768OrALanguageTheKioskDoesNotSpeakIsRefusedInOneSentence() throws Exception {
        for (String[] args : new String[][]{{"--size", "800x600"}, {"--size", "huge"}, {"--lang", "fr"}}) {
            Jar.Result r = Jar.run(dir, "--screenshot", "kiosk.png", args[0], args[1], "--port", "-1", "--data-dir",
                    dir.resolve("data").toString());
            assertEquals(1, r.exit(), r.err());
            String err = r.err().strip();
            assertTrue(err.startsWith("parkwatch: ") && err.contains(args[0]) && err.lines().count() == 1
                    && !err.contains("\tat "), err);
        }
    }
}
