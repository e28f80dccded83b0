package com.parkwatch.ui;

import com.parkwatch.booking.TestClock;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PIN pad, headless through TestFX: the PIN checked against its hash, wrong PINs slowed, five locking it. */
class OperatorPadTest {

    private static final TestClock clock = new TestClock(Instant.parse("2026-11-28T08:00:00Z"));
    private static final AtomicInteger exits = new AtomicInteger();
    private static OperatorPad pad;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void show() throws Exception {
        KioskLauncher.useHeadlessPlatform();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            pad = new OperatorPad(OperatorPin.of(OperatorPin.of("2468").text()), new PinAttempts(clock), new FxBackgroundTasks(),
                    new Texts(java.util.Locale.ENGLISH),
                    () -> { }, () -> { }, exits::incrementAndGet);
            stage.setScene(new Scene(new StackPane(pad), 1600, 900));
            stage.show();
            pad.open();
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String enter(String digits) throws Exception {
        Label message = robot.lookup("#" + Ids.PIN_MESSAGE).queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.setupFixture(() -> message.setText(""));
        for (char d : digits.toCharArray()) {
            robot.clickOn("#" + Ids.pinDigit(d - '0'));
        }
        robot.clickOn("#" + Ids.PIN_EXIT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !message.getText().isEmpty() || exits.get() > 0);
        return message.getText();
    }

    @Test
    void wrongPinsAreSlowedAndFiveLockThePadForAMinute() throws Exception {
        assertEquals("Wrong PIN. Wait 1 s.", enter("1111"));
        assertEquals("Too many wrong PINs: try again in 1 s.", enter("2468"), "even the right PIN waits");
        for (int i = 2; i <= 4; i++) {
            clock.advance(Duration.ofSeconds(i));
            assertEquals("Wrong PIN. Wait " + i + " s.", enter("9999"));
        }
        clock.advance(Duration.ofSeconds(5));
        assertEquals("Wrong PIN. Locked for a minute.", enter("0000"));
        clock.advance(Duration.ofSeconds(59));
        assertTrue(enter("2468").contains("try again in 1 s"));
        assertEquals(0, exits.get());
        clock.advance(Duration.ofSeconds(1));
        enter("2468");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> exits.get() == 1);
    }

    @Test
    void thePinIsKeptAsASaltedHash() {
        String hash = OperatorPin.of("2468").text();
        assertTrue(hash.matches("pbkdf2-sha256:100000:[0-9a-f]{32}:[0-9a-f]{64}"), hash);
        assertTrue(!hash.equals(OperatorPin.of("2468").text()), "a new salt each time");
        assertTrue(OperatorPin.of(hash).matches("2468") && !OperatorPin.of(hash).matches("2469"));
        // What packaging/debian/postinst writes with openssl kdf: PIN 123456, this salt, 100000 iterations.
        assertTrue(OperatorPin.of("pbkdf2-sha256:100000:00112233445566778899aabbccddeeff:"
                + "1d44f879854c5e777dd01c8275d58b1e976e7038ae2860fd82d69d1d2f3d610b").matches("123456"));
    }
}
