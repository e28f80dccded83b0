package com.parkwatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk is for the people at the lot: a web port it cannot have leaves it running, without its pages. */
class KioskWithoutWebIT {

    @TempDir
    Path dir;

    @Test
    void theKioskRunsWithItsWebPortTakenAndSaysWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Jar.Result r = Jar.run(dir, "--screenshot", "kiosk.png", "--after-frames", "10", "--port",
                    Integer.toString(taken.getLocalPort()), "--data-dir", dir.resolve("data").toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(Files.size(dir.resolve("kiosk.png")) > 10_000, "the screenshot was written");
            assertTrue((r.out() + r.err()).contains("port " + taken.getLocalPort() + " is in use"), r.out() + r.err());
        }
    }

    @Test
    void anAddressThatIsNotThisMachinesIsNamedAndServeRefusesIt() throws Exception {
        Jar.Result kiosk = Jar.run(dir, "--screenshot", "kiosk.png", "--after-frames", "5", "--bind", "127.0.0.999",
                "--data-dir", dir.resolve("data").toString());
        assertEquals(0, kiosk.exit(), kiosk.err());
        assertTrue((kiosk.out() + kiosk.err()).contains("127.0.0.999 is not an address of this machine"), kiosk.err());

        Jar.Result serve = Jar.run(dir, "serve", "--video", "sim", "--bind", "127.0.0.999", "--data-dir",
                dir.resolve("data").toString());
        assertEquals(1, serve.exit());
        assertTrue(serve.err().contains("parkwatch: 127.0.0.999 is not an address of this machine"), serve.err());
    }
}
