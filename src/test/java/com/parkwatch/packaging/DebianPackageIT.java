package com.parkwatch.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds the .deb with packaging/build-deb.sh, unpacks it and runs the installed launcher. */
class DebianPackageIT {

    /** The package as built in November 2026 is 96 MB; far more means something heavy slipped in. */
    private static final long MAX_PACKAGE_BYTES = 120L << 20;

    @TempDir
    static Path root;

    private static Path deb;
    private static Path launcher;

    private record Result(int exit, String out) {
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("parkwatch-package", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 10 minutes");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        Files.delete(out);
        return r;
    }

    @BeforeAll
    static void buildAndUnpack() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Result build = run(project, "bash", "packaging/build-deb.sh", "--no-build");
        assertEquals(0, build.exit(), build.out());
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            deb = files.filter(f -> f.getFileName().toString().matches("parkwatch_.*_amd64\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/parkwatch_*_amd64.deb: " + build.out()));
        }
        Result unpack = run(root, "dpkg-deb", "-x", deb.toString(), "installed");
        assertEquals(0, unpack.exit(), unpack.out());
        launcher = root.resolve("installed/opt/parkwatch/bin/parkwatch");
    }

    @Test
    void holdsTheLauncherTheKioskUnitAndTheConfigurationTemplate() throws Exception {
        assertTrue(Files.size(deb) < MAX_PACKAGE_BYTES, "package of " + Files.size(deb) + " bytes");
        Path installed = root.resolve("installed");
        assertEquals(Path.of("/opt/parkwatch/bin/parkwatch"), Files.readSymbolicLink(installed.resolve("usr/bin/parkwatch")));
        String unit = Files.readString(installed.resolve("lib/systemd/system/parkwatch-kiosk.service"));
        assertTrue(unit.contains("Restart=always") && unit.contains("@/etc/parkwatch/parkwatch.conf --kiosk"), unit);
        assertTrue(Files.readString(installed.resolve("usr/share/parkwatch/parkwatch.conf")).contains("--pin-hash=@PIN_HASH@"));
        assertTrue(Files.exists(installed.resolve("opt/parkwatch/lib/parkwatch.png")));
        Result control = run(root, "dpkg-deb", "-f", deb.toString(), "Package", "Depends");
        assertTrue(control.out().contains("Package: parkwatch") && control.out().contains("libgtk-3-0"), control.out());
    }

    @Test
    void carriesNativeCodeForLinuxX8664Only() throws Exception {
        Path lib = root.resolve("installed/opt/parkwatch/lib/app/lib");
        Path opencv;
        try (Stream<Path> jars = Files.list(lib)) {
            opencv = jars.filter(j -> j.getFileName().toString().startsWith("opencv-")).findFirst().orElseThrow();
        }
        Result entries = run(root, "unzip", "-Z1", opencv.toString());
        assertTrue(entries.out().contains("nu/pattern/opencv/linux/x86_64/libopencv_java490.so"), entries.out());
        assertTrue(!entries.out().contains("windows/") && !entries.out().contains("osx/") && !entries.out().contains("ARMv8/"),
                entries.out());
    }

    @Test
    void theInstalledLauncherPrintsItsVersion() throws Exception {
        Result version = run(root, launcher.toString(), "--version");
        assertEquals(0, version.exit(), version.out());
        assertTrue(version.out().strip().matches("ParkWatch \\d+\\.\\d+\\.\\d+"), version.out());
    }

    @Test
    void theInstalledLauncherPassesItsSelfTest() throws Exception {
        Result test = run(root, launcher.toString(), "self-test", "--data-dir", root.resolve("data").toString());
        assertEquals(0, test.exit(), test.out());
        List<String> lines = test.out().lines().filter(l -> !l.isBlank()).toList();
        for (String check : List.of("opencv", "ffmpeg", "video", "model", "database")) {
            assertTrue(lines.stream().anyMatch(l -> l.matches("ok +" + check + " .*")), check + " in\n" + test.out());
        }
        assertEquals("self-test passed", lines.get(lines.size() - 1));
    }

    @Test
    void theInstalledKioskRendersHeadless() throws Exception {
        Path png = root.resolve("kiosk.png");
        Result shot = run(root, launcher.toString(), "--screenshot", png.toString(), "--after-frames", "10",
                "--port", "-1", "--data-dir", root.resolve("data").toString());
        assertEquals(0, shot.exit(), shot.out());
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(16);
            int width = data.readInt();
            int height = data.readInt();
            assertTrue(width >= 1280 && height >= 800, width + "x" + height);
        }
    }
}
