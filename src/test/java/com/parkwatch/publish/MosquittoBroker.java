package com.parkwatch.publish;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker of the test's own, on a free port, with a temporary configuration and no persistence: a
 * restart loses every retained message, as a broker that crashed would. No system service is needed. Missing
 * Mosquitto fails the test under CI (where .ci/run installs it) and skips it elsewhere, saying so.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"));

    private final Path binary;
    private final Path config;
    private final int port;
    private final String scheme;
    private Process process;

    private MosquittoBroker(Path binary, Path dir, int port, String access) throws IOException {
        this.binary = binary;
        this.port = port;
        scheme = access.contains("certfile") ? "ssl" : "tcp";
        config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\npersistence false\n" + access);
    }

    /** Starts a broker on a free port, or skips the test (fails it under CI) when Mosquitto is not installed. */
    public static MosquittoBroker start(Path dir) throws IOException, InterruptedException {
        return start(dir, "allow_anonymous true\n");
    }

    /** A broker that lets in only this user with this password. */
    public static MosquittoBroker withPassword(Path dir, String user, String password)
            throws IOException, InterruptedException {
        Path passwords = dir.resolve("passwords");
        Process made = new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), user, password)
                .redirectErrorStream(true).start();
        if (!made.waitFor(10, TimeUnit.SECONDS) || made.exitValue() != 0) {
            throw new AssertionError("mosquitto_passwd failed: " + new String(made.getInputStream().readAllBytes()));
        }
        return start(dir, stayRoot() + "allow_anonymous false\npassword_file " + passwords + "\n");
    }

    /**
     * A broker answering TLS only, with a self-signed certificate for 127.0.0.1 made by openssl; the certificate is
     * at {@code dir/broker-cert.pem}, the authority a client must trust.
     */
    public static MosquittoBroker withTls(Path dir) throws IOException, InterruptedException {
        Path cert = dir.resolve("broker-cert.pem");
        Path key = dir.resolve("broker-key.pem");
        Process made = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        String said = new String(made.getInputStream().readAllBytes());
        if (!made.waitFor(30, TimeUnit.SECONDS) || made.exitValue() != 0) {
            throw new AssertionError("openssl failed: " + said);
        }
        return start(dir, stayRoot() + "allow_anonymous true\ncertfile " + cert + "\nkeyfile " + key + "\n");
    }

    /** Started as root, Mosquitto becomes the user mosquitto, who cannot read the test's private directory. */
    private static String stayRoot() {
        return "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
    }

    private static MosquittoBroker start(Path dir, String access) throws IOException, InterruptedException {
        Path binary = PLACES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            String why = "Mosquitto is not installed (apt-get install mosquitto; .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            System.out.println("skipped: " + why);
            Assumptions.abort(why);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        MosquittoBroker broker = new MosquittoBroker(binary, dir, port, access);
        broker.run();
        return broker;
    }

    public String uri() {
        return scheme + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Kills the broker at once, as a crash would: its retained messages are gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts it again on the same port. */
    public void restart() throws IOException, InterruptedException {
        run();
    }

    private void run() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(config.resolveSibling("mosquitto.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new AssertionError("mosquitto stopped at start: "
                            + Files.readString(config.resolveSibling("mosquitto.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("mosquitto did not listen on " + port + " within 10 s");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }
}
