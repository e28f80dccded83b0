package com.parkwatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The watchdog's notices on a real Unix datagram socket, received as systemd would (by Python's socket module). */
class SystemdWatchdogTest {

    @TempDir
    Path dir;

    /** What arrives on a fresh socket within the given time, one message a line. */
    private List<String> received(Path socket, Duration within, Runnable send) throws Exception {
        String receiver = "import socket,sys,time\n"
                + "s=socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1]); s.settimeout(0.05)\n"
                + "print('bound', flush=True)\n"
                + "end=time.monotonic()+float(sys.argv[2])\n"
                + "while time.monotonic() < end:\n"
                + "    try: print(s.recv(100).decode(), flush=True)\n"
                + "    except socket.timeout: pass\n";
        Process python = new ProcessBuilder("python3", "-c", receiver, socket.toString(),
                Double.toString(within.toMillis() / 1000.0)).redirectErrorStream(true).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("bound", out.readLine());
        send.run();
        python.waitFor(within.toMillis() + 5000, TimeUnit.MILLISECONDS);
        return out.lines().toList();
    }

    @Test
    void anEngineThatMakesProgressIsToldToTheWatchdogAndAStuckOneIsNot() throws Exception {
        Path socket = dir.resolve("notify");
        SystemdWatchdog[] running = new SystemdWatchdog[1];
        List<String> alive = received(socket, Duration.ofMillis(700),
                () -> running[0] = SystemdWatchdog.start(socket.toString(), Duration.ofMillis(400), System::nanoTime));
        running[0].close();
        assertEquals("READY=1", alive.get(0));
        assertEquals("WATCHDOG=1", alive.get(1), "notices: " + alive);

        Path second = dir.resolve("notify-stuck");
        long stuckSince = System.nanoTime() - TimeUnit.SECONDS.toNanos(10);
        List<String> stuck = received(second, Duration.ofMillis(700),
                () -> running[0] = SystemdWatchdog.start(second.toString(), Duration.ofMillis(400), () -> stuckSince));
        running[0].close();
        assertEquals(List.of("READY=1"), stuck, "no watchdog notice for an engine stuck for 10 s");
    }
}
