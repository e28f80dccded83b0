package com.parkwatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The integration options as the command line gives them: secrets from files, mistakes in one sentence. */
class IntegrationOptionsTest {

    @TempDir
    Path dir;

    /** The two option groups as the kiosk and serve mix them: the lot's id is the store's option. */
    @CommandLine.Command
    static final class KioskOrServe {
        @CommandLine.Mixin
        StoreOptions store;
        @CommandLine.Mixin
        IntegrationOptions integrations;
    }

    private static IntegrationOptions.Settings parse(String... args) {
        KioskOrServe command = new KioskOrServe();
        new CommandLine(command).parseArgs(args);
        return command.integrations.settings(command.store.lotId());
    }

    private static String refused(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void nothingAskedForGivesALotNamedLotAndNoPublishers() {
        IntegrationOptions.Settings s = parse();
        assertEquals("lot", s.identity().id());
        assertNull(s.mqtt());
        assertNull(s.webhooks());
        assertNull(s.metricsTokenFile());
    }

    @Test
    void thePasswordAndTheSecretComeFromTheFirstLineOfTheirFiles() throws Exception {
        Files.writeString(dir.resolve("password"), "s3cret\nignored\n");
        Files.writeString(dir.resolve("secret"), "0123456789abcdef-key\n");
        IntegrationOptions.Settings s = parse("--lot-id", "north", "--lot-location", "52.5, 13.4",
                "--mqtt", "ssl://broker.example:8883", "--mqtt-user", "pw", "--mqtt-password-file",
                dir.resolve("password").toString(), "--webhook", "https://example.org/a", "--webhook", "http://127.0.0.1:9/b",
                "--webhook-secret-file", dir.resolve("secret").toString());
        assertArrayEquals("s3cret".toCharArray(), s.mqtt().password());
        assertEquals("pw", s.mqtt().user());
        assertEquals(13.4, s.identity().longitude());
        assertEquals(2, s.webhooks().targets().size());
        assertEquals("0123456789abcdef-key", new String(s.webhooks().secret()));
    }

    @Test
    void mistakesAreRefusedInOneSentence() throws Exception {
        Files.writeString(dir.resolve("short"), "short\n");
        assertEquals("--mqtt must be tcp://HOST:PORT or ssl://HOST:PORT, got http://x:1", refused("--mqtt", "http://x:1"));
        assertEquals("--webhook needs --webhook-secret-file: webhooks are signed", refused("--webhook", "http://x/"));
        assertEquals("webhooks are signed: --webhook-secret-file must hold at least 16 characters",
                refused("--webhook", "http://x/", "--webhook-secret-file", dir.resolve("short").toString()));
        assertEquals("--mqtt-ca-file needs an ssl:// broker", refused("--mqtt", "tcp://x:1", "--mqtt-ca-file",
                dir.resolve("short").toString()));
        assertEquals("--mqtt-user, --mqtt-password-file and --mqtt-ca-file need --mqtt", refused("--mqtt-user", "u"));
        assertEquals("--lot-location must be LATITUDE,LONGITUDE in degrees, got \"north\"", refused("--lot-location", "north"));
        assertEquals("cannot read --mqtt-password-file " + dir.resolve("none") + ": no such file",
                refused("--mqtt", "tcp://x:1", "--mqtt-user", "u", "--mqtt-password-file", dir.resolve("none").toString()));
    }
}
