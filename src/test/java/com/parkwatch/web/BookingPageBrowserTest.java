package com.parkwatch.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The booking page in a real headless Chromium, as a driver on a phone would use it. */
class BookingPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    private TestLot lot;
    private WebDriver browser;

    @BeforeEach
    void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI must install Debian's chromium and chromium-driver (.ci/run does)");
            }
            Assumptions.abort("Chromium or ChromeDriver is missing (apt-get install chromium chromium-driver); skipped outside CI");
        }
        lot = new TestLot(dir, OCCUPIED, FREE, OCCUPIED, FREE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=412,915", "--user-data-dir=" + dir.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File(dir.resolve("chromedriver.log").toString())).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (lot != null) {
            lot.close();
        }
    }

    @Test
    void bookAFreeSpotSeeTheCodeAndSeeItReservedOnTheHomePage() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(lot.base + "/booking?spot=4");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#spot option"), 2));
        Select spot = new Select(browser.findElement(By.id("spot")));
        assertEquals("4", spot.getFirstSelectedOption().getAttribute("value"), "the spot from the link is picked");

        browser.findElement(By.id("plate")).sendKeys("AB!1");
        browser.findElement(By.cssSelector("button.confirm")).click();
        wait.until(ExpectedConditions.textMatches(By.id("error"), java.util.regex.Pattern.compile(".*licence plate.*")));
        assertTrue(lot.bookings.active().isEmpty(), "an invalid plate books nothing");

        browser.findElement(By.id("plate")).clear();
        browser.findElement(By.id("plate")).sendKeys("pw 2024");
        browser.findElement(By.cssSelector("[data-minutes='120']")).click();
        browser.findElement(By.cssSelector("button.confirm")).click();
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        wait.until(d -> code.getText().length() == 8);
        assertEquals(code.getText(), lot.bookings.active().stream().filter(b -> b.spot() == 4).findFirst().orElseThrow().code());

        browser.get(lot.base + "/");
        WebElement tile = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-spot='4']")));
        wait.until(d -> tile.getAttribute("class").contains("reserved"));
        wait.until(ExpectedConditions.textToBe(By.id("count"), "Available 1 / 4"));
    }
}
