package com.parkwatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkwatch.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real RTSP server as some cameras are: VLC streaming the tutorial clip offers RTP over UDP only and answers 461
 * to TCP. --rtsp-transport auto falls back to UDP and sees the spots the file shows; tcp is refused in one sentence.
 * VLC refuses to run as root: it runs as the unprivileged user that .ci/run creates.
 */
class RtspIT {

    private static final String USER = "pwtest";
    private static final String PASSWORD = "s3cret";
    /** The clip's spots settle by frame 450 of 849; the stream is joined a few seconds in, and looped. */
    private static final int FRAMES = 500;

    @TempDir
    static Path shared;

    private static List<Integer> freeInFile;

    @TempDir
    Path dir;

    private Path served;
    private Process vlc;
    private int port;

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static void require(boolean present, String what) {
        if (!present) {
            if (ci()) {
                throw new AssertionError(what + " is missing: .ci/run installs it");
            }
            Assumptions.abort(what + " is missing; skipped outside CI");
        }
    }

    private static Path mask() {
        return SharedData.require("tutorial-crop/mask_crop.png").toAbsolutePath();
    }

    private static List<Integer> freeAtTheEnd(Path jsonLines) throws IOException {
        List<String> lines = Files.readAllLines(jsonLines);
        JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        List<Integer> free = new ArrayList<>();
        last.get("spots").forEach(s -> {
            if (s.get("state").asText().equals("free")) {
                free.add(s.get("id").asInt());
            }
        });
        return free;
    }

    @BeforeAll
    static void statesOfTheFile() throws Exception {
        Path clip = SharedData.require("tutorial-crop/parking_crop.mp4").toAbsolutePath();
        Jar.Result r = Jar.run(shared, "analyze", "--video", clip.toString(), "--mask", mask().toString(), "--json", "file.jsonl");
        assertEquals(0, r.exit(), r.err());
        freeInFile = freeAtTheEnd(shared.resolve("file.jsonl"));
    }

    @BeforeEach
    void serve() throws Exception {
        Path clip = SharedData.require("tutorial-crop/parking_crop.mp4");
        require(Files.isExecutable(Path.of("/usr/bin/cvlc")), "VLC (/usr/bin/cvlc)");
        require(new ProcessBuilder("id", "-u", USER).start().waitFor() == 0, "the user " + USER);
        // Where the unprivileged user can read the clip.
        served = Files.createTempDirectory(Path.of("/tmp"), "parkwatch-rtsp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path copy = Files.copy(clip, served.resolve("crop.mp4"), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        vlc = new ProcessBuilder("runuser", "-u", USER, "--", "cvlc", "-q", "--loop", copy.toString(),
                "--sout", "#rtp{sdp=rtsp://127.0.0.1:" + port + "/crop}")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!listening()) {
            assertTrue(vlc.isAlive() && System.nanoTime() < deadline, "VLC did not serve RTSP on port " + port);
            Thread.sleep(100);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (vlc != null) {
            vlc.descendants().forEach(ProcessHandle::destroy);
            vlc.destroy();
            vlc.waitFor(10, TimeUnit.SECONDS);
        }
        if (served != null) {
            Files.deleteIfExists(served.resolve("crop.mp4"));
            Files.deleteIfExists(served);
        }
    }

    private String url() {
        return "rtsp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/crop";
    }

    @Test
    void autoFallsBackToUdpAndSeesTheSpotsTheFileShows() throws Exception {
        Jar.Result r = Jar.run(dir, "analyze", "--video", url(), "--mask", mask().toString(),
                "--max-frames", "" + FRAMES, "--json", "stream.jsonl");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("analysed " + FRAMES + " frames"), r.out());
        assertEquals(freeInFile, freeAtTheEnd(dir.resolve("stream.jsonl")));
        assertFalse((r.out() + r.err()).contains(PASSWORD), r.out() + r.err());
    }

    @Test
    void udpAskedPlaysTheStream() throws Exception {
        Jar.Result r = Jar.run(dir, "analyze", "--video", url(), "--rtsp-transport", "udp", "--mask", mask().toString(),
                "--max-frames", "60");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("analysed 60 frames"), r.out());
    }

    @Test
    void tcpAskedOfAServerWithoutItIsRefusedInOneSentence() throws Exception {
        Jar.Result r = Jar.run(dir, "analyze", "--video", url(), "--rtsp-transport", "tcp", "--mask", mask().toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("parkwatch: cannot open rtsp://***@127.0.0.1:" + port + "/crop: the server does not offer RTSP"
                + " over TCP (--rtsp-transport auto tries both)", r.err().strip());
    }
}
