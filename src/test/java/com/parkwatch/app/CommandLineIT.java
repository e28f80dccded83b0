package com.parkwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.SharedData;
import com.parkwatch.vision.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged command line, run as a process from another directory. */
class CommandLineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** One sentence on stderr, exit 1, no stack trace. */
    private void assertRefused(String expected, String... args) throws Exception {
        Jar.Result r = Jar.run(dir, args);
        assertEquals(1, r.exit(), String.join(" ", args) + "\nstderr: " + r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("parkwatch: ") && err.contains(expected), "stderr: " + err);
        assertEquals(1, err.lines().count(), "one line only: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    }

    private Path mask(int width, int height) {
        OpenCv.load();
        Mat mask = new Mat(height, width, CvType.CV_8UC1, Scalar.all(0));
        Imgproc.rectangle(mask, new Point(100, 100), new Point(163, 219), Scalar.all(255), -1);
        Imgproc.rectangle(mask, new Point(200, 100), new Point(263, 219), Scalar.all(255), -1);
        Path file = dir.resolve("mask-" + width + "x" + height + ".png");
        Imgcodecs.imwrite(file.toString(), mask);
        return file;
    }

    @Test
    void analyzesTheSimulatedLotIntoJsonLinesAndAVideo() throws Exception {
        Jar.Result r = Jar.run(dir, "analyze", "--video", "sim", "--max-frames", "95", "--json", "out.jsonl",
                "--out", "out.mp4");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("analysed 95 frames (4 samples)"), r.out());
        assertTrue(r.out().contains("ground truth agrees"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\d+ changes of state in \\d+ spots: \\d.*")
                || l.equals("no changes of state")), r.out());
        List<String> lines = Files.readAllLines(dir.resolve("out.jsonl"));
        assertEquals(4, lines.size());
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals(30, second.get("frame").asInt());
        assertEquals(1.0, second.get("time").asDouble(), 1e-9);
        assertEquals(72, second.get("total").asInt());
        JsonNode spot = second.get("spots").get(0);
        assertEquals(1, spot.get("id").asInt());
        assertEquals(List.of("id", "label", "zone", "types", "x", "y", "w", "h", "state", "confidence"), fieldNames(spot));
        assertTrue(List.of("free", "occupied").contains(spot.get("state").asText()));
        long free = 0;
        for (JsonNode s : second.get("spots")) {
            free += s.get("state").asText().equals("free") ? 1 : 0;
        }
        assertEquals(free, second.get("free").asInt());
        assertTrue(Files.size(dir.resolve("out.mp4")) > 10_000);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void serveWatchesTheSimulatedLotAndAnswersOverHttp() throws Exception {
        Process serve = Jar.start(dir, "serve", "--video", "sim", "--port", "0", "--data-dir", dir.resolve("data").toString());
        try (java.io.BufferedReader out = serve.inputReader()) {
            String banner = out.readLine();
            assertTrue(banner != null && banner.startsWith("serving http://127.0.0.1:"), "first line: " + banner);
            String base = banner.substring("serving ".length(), banner.indexOf('/', "serving http://".length()));
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            JsonNode status = JSON.readTree("{}");
            for (int tries = 0; tries < 50 && status.path("free").asInt() == 0; tries++) {
                Thread.sleep(200);
                status = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/parking_status"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            }
            assertEquals(72, status.get("total").asInt());
            int free = status.get("free_spots").get(0).asInt();
            var booked = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/bookings"))
                    .header("Content-Type", "application/json").header("Origin", base)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"spot\":" + free + ",\"plate\":\"PW 1\",\"minutes\":30}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, booked.statusCode(), booked.body());
            var jpeg = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/snapshot.jpg")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, jpeg.statusCode());
            assertTrue(jpeg.body().length > 10_000);
        } finally {
            serve.destroy();
            serve.waitFor();
        }
        assertTrue(Files.exists(dir.resolve("data/bookings.db")), "bookings live in the data directory");
    }

    @Test
    void optionsCanComeFromAConfigurationFile() throws Exception {
        Files.writeString(dir.resolve("lot.args"), "# the lot at the north gate\n--video\nsim:3\n--step\n20\n--max-frames\n45\n");
        Jar.Result r = Jar.run(dir, "analyze", "@lot.args");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("analysed 45 frames (3 samples)"), r.out());
    }

    @Test
    void printsTheLayoutOfAMaskScaledToAFrameSize() throws Exception {
        Jar.Result r = Jar.run(dir, "layout", "--mask", mask(640, 360).toString(), "--size", "1280x720");
        assertEquals(0, r.exit(), r.err());
        JsonNode spots = JSON.readTree(r.out());
        assertEquals(2, spots.size());
        assertEquals("{\"id\":1,\"label\":\"1\",\"zone\":null,\"types\":[],\"x\":200,\"y\":200,\"w\":128,\"h\":240}", spots.get(0).toString());
        Jar.Result polygons = Jar.run(dir, "layout", "--mask", mask(640, 360).toString(), "--polygons");
        Path layout = Files.writeString(dir.resolve("layout.json"), polygons.out());
        Jar.Result again = Jar.run(dir, "layout", "--mask", layout.toString());
        assertEquals(Jar.run(dir, "layout", "--mask", mask(640, 360).toString()).out(), again.out());
    }

    @Test
    void theTutorialMaskServesThe720pClip() throws Exception {
        Path mask = SharedData.require("tutorial-full/mask_1920_1080.png");
        Jar.Result r = Jar.run(dir, "layout", "--mask", mask.toString(), "--size", "1280x720");
        assertEquals(0, r.exit(), r.err());
        assertEquals(396, JSON.readTree(r.out()).size());
    }

    @Test
    void trainsAndEvaluatesOnPatchFolders() throws Exception {
        OpenCv.load();
        for (String cls : new String[]{"Empty", "not_empty"}) {
            Files.createDirectories(dir.resolve("set").resolve(cls));
            for (int i = 0; i < 12; i++) {
                double level = cls.equals("Empty") ? 90 + i : 200 - 5 * i;
                Mat patch = new Mat(30, 68, CvType.CV_8UC3, Scalar.all(level));
                if (!cls.equals("Empty")) {
                    Imgproc.rectangle(patch, new Point(10, 5), new Point(40, 25), new Scalar(40, 40, 160), -1);
                }
                Imgcodecs.imwrite(dir.resolve("set").resolve(cls).resolve(i + ".jpg").toString(), patch);
            }
        }
        Jar.Result trained = Jar.run(dir, "train", "--data", "set", "--out", "m.pwm");
        assertEquals(0, trained.exit(), trained.err());
        assertTrue(trained.out().contains("trained on 24 spots"), trained.out());
        Jar.Result evaluated = Jar.run(dir, "evaluate", "--patches", "set", "--model", "m.pwm", "--json");
        assertEquals(0, evaluated.exit(), evaluated.err());
        JsonNode summary = lastLineJson(evaluated);
        assertEquals(24, summary.get("n").asInt());
        assertEquals(1.0, summary.get("accuracy").asDouble());
        assertTrue(evaluated.out().contains("confusion"));

        // A selection with free spots only has no recall of taken ones: still one line of valid JSON.
        Jar.Result freeOnly = Jar.run(dir, "evaluate", "--patches", "set/Empty", "--model", "m.pwm", "--json");
        assertEquals(0, freeOnly.exit(), freeOnly.err());
        JsonNode freeSummary = lastLineJson(freeOnly);
        assertEquals(12, freeSummary.get("n").asInt());
        assertEquals(1.0, freeSummary.get("recall_free").asDouble());
        assertTrue(freeSummary.get("recall_occupied").isNull(), freeSummary.toString());
        assertTrue(freeOnly.out().contains("recall occupied: n/a"), freeOnly.out());
    }

    /** The JSON object that {@code --json} prints as the last line. */
    private static JsonNode lastLineJson(Jar.Result r) throws Exception {
        List<String> lines = r.out().lines().toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    /** Writes a 240x140 frame with four rotated spaces (the odd ones hold a car) and its PKLot XML. */
    private void pklotFrame(Path folder, String name, int shade) throws Exception {
        pklotFrame(folder, name, shade, false);
    }

    /** @param swapped labels that say the opposite of what the picture shows (a lot the model reads wrong) */
    private void pklotFrame(Path folder, String name, int shade, boolean swapped) throws Exception {
        Files.createDirectories(folder);
        Mat frame = new Mat(140, 240, CvType.CV_8UC3, Scalar.all(100 + shade));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<parking id=\"test\">\n");
        for (int id = 1; id <= 4; id++) {
            int cx = 30 + 55 * (id - 1);
            boolean car = id % 2 == 1;
            RotatedRect space = new RotatedRect(new Point(cx, 70), new Size(36, 70), 12);
            if (car) {
                Imgproc.ellipse(frame, new RotatedRect(space.center, new Size(26, 58), 12), new Scalar(30, 30, 170 + shade), -1);
                Imgproc.ellipse(frame, new RotatedRect(space.center, new Size(16, 22), 12), new Scalar(230, 230, 230), -1);
            }
            xml.append(String.format(java.util.Locale.ROOT, "<space id=\"%d\" occupied=\"%d\"><rotatedRect>"
                    + "<center x=\"%d\" y=\"70\"/><size w=\"36\" h=\"70\"/><angle d=\"12\"/></rotatedRect></space>%n",
                    id, car != swapped ? 1 : 0, cx));
        }
        Imgcodecs.imwrite(folder.resolve(name + ".jpg").toString(), frame);
        Files.writeString(folder.resolve(name + ".xml"), xml.append("</parking>\n").toString());
    }

    @Test
    void trainsAndEvaluatesOnPklotFramesWithAHeldOutPart() throws Exception {
        OpenCv.load();
        for (int i = 0; i < 6; i++) {
            pklotFrame(dir.resolve("lot/train"), "day1_" + i, 4 * i);
        }
        pklotFrame(dir.resolve("lot/test"), "day2_0", 2);
        pklotFrame(dir.resolve("lot/test"), "day2_1", 14);
        // A segmentation mask of the same name and an image without XML are not frames.
        Files.createDirectories(dir.resolve("lot/masks"));
        Imgcodecs.imwrite(dir.resolve("lot/masks/day2_0.png").toString(), new Mat(140, 240, CvType.CV_8UC1, Scalar.all(1)));
        Imgcodecs.imwrite(dir.resolve("lot/test/unlabelled.jpg").toString(), new Mat(140, 240, CvType.CV_8UC3, Scalar.all(0)));

        Jar.Result trained = Jar.run(dir, "train", "--frames", "lot", "--held-out", "**/test/**", "--out", "m.pwm");
        assertEquals(0, trained.exit(), trained.err());
        assertTrue(trained.out().contains("trained on 24 spots"), trained.out());
        Jar.Result evaluated = Jar.run(dir, "evaluate", "--frames", "lot", "--held-out", "**/test/**", "--model", "m.pwm", "--json");
        assertEquals(0, evaluated.exit(), evaluated.err());
        JsonNode summary = lastLineJson(evaluated);
        assertEquals(8, summary.get("n").asInt());
        assertEquals(1.0, summary.get("accuracy").asDouble());
        assertEquals(1.0, summary.get("recall_free").asDouble());

        assertRefused("holds no frames with a PKLot XML", "evaluate", "--frames", "lot/masks");
        assertRefused("or none that is selected", "evaluate", "--frames", "lot", "--held-out", "**/nothing/**");
        assertRefused("at least one --data or --frames", "train", "--out", "x.pwm");
    }

    @Test
    void trainsTheNetworksHeadAndRefusesADegenerateOne() throws Exception {
        OpenCv.load();
        for (int i = 0; i < 6; i++) {
            pklotFrame(dir.resolve("lot/train"), "day1_" + i, 4 * i);
        }
        pklotFrame(dir.resolve("lot/test"), "day2_0", 2);
        Jar.Result trained = Jar.run(dir, "train", "--classifier", "backbone", "--frames", "lot", "--held-out", "**/test/**",
                "--out", "m.json");
        assertEquals(0, trained.exit(), trained.err());
        assertTrue(trained.out().contains("trained on 24 spots of 1 sources"), trained.out());
        Jar.Result evaluated = Jar.run(dir, "evaluate", "--frames", "lot", "--held-out", "**/test/**", "--model", "m.json", "--json");
        assertEquals(0, evaluated.exit(), evaluated.err());
        assertEquals(4, lastLineJson(evaluated).get("n").asInt());
        assertTrue(lastLineJson(evaluated).get("accuracy").asDouble() >= 0.75, evaluated.out());
        Files.writeString(dir.resolve("zero.json"),
                Files.readString(dir.resolve("m.json")).replaceFirst("\"scale\" : \\[ [^,]+,", "\"scale\" : [ 0.0,"));
        assertRefused("feature 0 has a zero", "evaluate", "--frames", "lot", "--model", "zero.json");
        Jar.Result shipped = Jar.run(dir, "evaluate", "--frames", "lot", "--model", "backbone", "--json");
        assertEquals(0, shipped.exit(), shipped.err());
    }

    @Test
    void anOperatorsCorrectionsTeachTheModelALotItReadsWrong() throws Exception {
        OpenCv.load();
        for (int i = 0; i < 6; i++) {
            pklotFrame(dir.resolve("lot"), "day1_" + i, 4 * i);
            pklotFrame(dir.resolve("odd/seen"), "a_" + i, 4 * i + 1, true);
            pklotFrame(dir.resolve("odd/unseen"), "b_" + i, 4 * i + 2, true);
        }
        assertEquals(0, Jar.run(dir, "train", "--frames", "lot", "--out", "m.pwm").exit());
        Jar.Result r = Jar.run(dir, "evaluate", "--frames", "odd", "--model", "m.pwm", "--correct-from", "**/seen/**",
                "--corrections", "8", "--json");
        assertEquals(0, r.exit(), r.err());
        // A few corrections, each where the model was still wrong when the operator came to it.
        assertTrue(r.out().lines().anyMatch(l -> l.matches("corrections: [1-8], among the first \\d+ crops.*")), r.out());
        JsonNode summary = lastLineJson(r);
        assertEquals(24, summary.get("n").asInt(), "measured on the frames the operator did not correct");
        assertTrue(summary.get("accuracy_before").asDouble() < 0.1, r.out());
        assertTrue(summary.get("accuracy").asDouble() > 0.9, r.out());
        assertRefused("at least 1", "evaluate", "--frames", "odd", "--correct-from", "**/seen/**", "--corrections", "0");
    }

    @Test
    void withoutACommandTheKioskRunsAndScreenshotsWithNoDisplay() throws Exception {
        Jar.Result r = Jar.run(dir, "--screenshot", "kiosk.png", "--after-frames", "45", "--port", "-1",
                "--data-dir", dir.resolve("data").toString());
        assertEquals(0, r.exit(), r.err());
        Mat shot = Imgcodecs.imread(dir.resolve("kiosk.png").toString());
        assertEquals(1600, shot.cols());
        assertEquals(900, shot.rows());
        // The header's dark band, the black letterbox of the feed and coloured tiles are all there.
        assertTrue(org.opencv.core.Core.mean(shot).val[1] > 40, "the window is not blank");
    }

    @Test
    void helpAndVersion() throws Exception {
        Jar.Result r = Jar.run(dir, "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("analyze") && r.out().contains("train"), r.out());
        Jar.Result version = Jar.run(dir, "--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().strip().matches("ParkWatch \\d+\\.\\d+\\.\\d+"), version.out());
    }

    @Test
    void benchMeasuresEveryPassOverTheWholeClip() throws Exception {
        assertEquals(0, Jar.run(dir, "analyze", "--video", "sim", "--max-frames", "120", "--out", "clip.mp4").exit());
        Jar.Result r = Jar.run(dir, "bench", "--video", "clip.mp4", "--mask", mask(1280, 720).toString(), "--json", "bench.json");
        assertEquals(0, r.exit(), r.err());
        for (String pass : List.of("decode only", "decode to BGR", "engine, annotated", "analyse only", "kiosk display path")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(pass) && l.contains(" 120 ")), pass + " in\n" + r.out());
        }
        JsonNode report = JSON.readTree(dir.resolve("bench.json").toFile());
        assertEquals(5, report.get("passes").size());
        for (JsonNode pass : report.get("passes")) {
            assertEquals(120, pass.get("frames").asInt());
            assertTrue(pass.get("cpuMsPerFrame").asDouble() > 0 && pass.get("framesPerSecond").asDouble() > 0);
        }
        assertEquals(10_368, report.get("analysisPerStep").get(1).get("spots").asInt());
        assertTrue(report.get("analysisPerStep").get(1).get("classifiedPerStep").asDouble() > 0);
        double startup = report.get("startupSeconds").asDouble();
        assertTrue(startup > 0 && startup < 60, "start-up " + startup);
        assertTrue(report.get("residentPeakKb").asLong() > 0);
    }

    @Test
    void benchCamerasPlaysEveryCameraBesideTheDecoderAlone() throws Exception {
        assertEquals(0, Jar.run(dir, "analyze", "--video", "sim", "--max-frames", "90", "--out", "clip.mp4").exit());
        Jar.Result r = Jar.run(dir, "bench", "--video", "clip.mp4", "--mask", mask(1280, 720).toString(), "--cameras", "2",
                "--json", "cameras.json");
        assertEquals(0, r.exit(), r.err());
        for (String pass : List.of("engine, headless", "decode only", "decode to BGR")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(pass) && l.contains(" 180 ")), pass + " in\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("2 cameras at 30.00 frames/s ")), r.out());
        JsonNode report = JSON.readTree(dir.resolve("cameras.json").toFile());
        assertEquals(2, report.get("cameras").asInt());
        assertEquals(30.0, report.get("frameRate").asDouble());
        assertEquals(3, report.get("passes").size());
        for (JsonNode pass : report.get("passes")) {
            assertEquals(180, pass.get("frames").asInt());
            double cpu = pass.get("cpuMsPerFrame").asDouble();
            assertEquals(cpu * 30 * 2 / 1000, pass.get("cpuSecondsPerSecondOfVideo").asDouble(), 1e-9);
            assertEquals(2, pass.get("cameras").size());
            for (JsonNode camera : pass.get("cameras")) {
                assertEquals(90, camera.get("frames").asInt(), pass.get("name") + " camera " + camera.get("camera"));
                assertTrue(camera.get("framesPerSecond").asDouble() > 0 && camera.get("cpuMsPerFrame").asDouble() > 0);
            }
            assertTrue(pass.get("slowestFramesPerSecond").asDouble() <= pass.get("fastestFramesPerSecond").asDouble());
        }
        assertRefused("--cameras must be between 1 and 16, got 0", "bench", "--video", "clip.mp4", "--cameras", "0");
        assertRefused("--cameras must be between 1 and 16, got 17", "bench", "--video", "clip.mp4", "--cameras", "17");
    }

    @Test
    void selfTestNamesTheCheckThatFails() throws Exception {
        Path badModel = Files.writeString(dir.resolve("broken.pwm"), "hello");
        Jar.Result r = Jar.run(dir, "self-test", "--model", badModel.toString(), "--data-dir", dir.resolve("data").toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("ok    video") && r.out().contains("ok    database"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("FAIL  model") && l.contains("not a ParkWatch model")), r.out());
        assertTrue(r.out().strip().endsWith("self-test failed: 1 check(s)"), r.out());
    }

    @Test
    void badInputGetsOneSentenceAndExitCodeOne() throws Exception {
        Path m = mask(1280, 720);
        assertRefused("no such file", "analyze", "--video", "missing.mp4", "--mask", m.toString());
        Path notVideo = Files.writeString(dir.resolve("notes.mp4"), "hello");
        assertRefused("not a video", "analyze", "--video", notVideo.toString(), "--mask", m.toString());
        Path notImage = Files.writeString(dir.resolve("mask.png"), "hello");
        assertRefused("not an image", "analyze", "--video", "sim", "--mask", notImage.toString());
        assertRefused("no such readable file", "analyze", "--video", "sim", "--mask", "nothing.png");
        Path black = dir.resolve("black.png");
        Imgcodecs.imwrite(black.toString(), new Mat(720, 1280, CvType.CV_8UC1, Scalar.all(0)));
        assertRefused("has no spots", "analyze", "--video", "sim", "--mask", black.toString());
        Path white = dir.resolve("white.png");
        Imgcodecs.imwrite(white.toString(), new Mat(720, 1280, CvType.CV_8UC1, Scalar.all(255)));
        assertRefused("all white", "analyze", "--video", "sim", "--mask", white.toString());
        assertRefused("aspect ratios differ", "analyze", "--video", "sim", "--mask", mask(800, 800).toString());
        Path badModel = Files.writeString(dir.resolve("bad.pwm"), "hello");
        assertRefused("not a ParkWatch model", "analyze", "--video", "sim", "--model", badModel.toString());
        assertRefused("--step must be at least 1", "analyze", "--video", "sim", "--step", "0");
        // The temporary folder holds PNGs by now: an image-folder source, which brings no layout.
        assertRefused("--mask is needed", "analyze", "--video", dir.toString());
        assertRefused("holds no labelled patches", "train", "--data", dir.toString(), "--out", "x.pwm");
        assertRefused("--kiosk needs --pin", "--kiosk");
        assertRefused("the booking durations offered must rise and lie within 15 to 60 minutes", "serve", "--video", "sim",
                "--booking-longest", "60");
    }

    @Test
    void unknownOptionsGetUsageAndExitCodeTwo() throws Exception {
        Jar.Result r = Jar.run(dir, "analyze", "--video", "sim", "--frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }
}
