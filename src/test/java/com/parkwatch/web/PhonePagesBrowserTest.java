package com.parkwatch.web;

import com.parkwatch.booking.Booking;
import com.parkwatch.booking.BookingRules;
import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Occupancy;
import com.parkwatch.lot.SourceHealth;
import com.parkwatch.lot.Spot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Pattern;

import static com.parkwatch.lot.Occupancy.FREE;
import static com.parkwatch.lot.Occupancy.OCCUPIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone pages in a real headless Chromium at a phone's size (390 x 844), as a driver uses them: the lot pushed by
 * {@code /api/events}, a tap on a free spot, the booking, the receipt that extends and cancels, in English and German,
 * with no console errors. With {@code -Dparkwatch.screenshots=DIR} it also saves the pages it looks at there.
 */
class PhonePagesBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Two rows of six bays in two zones, A1 accessible and B6 with a charger, as a small lot's layout names them. */
    private static final Occupancy[] STATES = {OCCUPIED, FREE, OCCUPIED, OCCUPIED, FREE, OCCUPIED,
            FREE, OCCUPIED, OCCUPIED, FREE, OCCUPIED, FREE};

    @TempDir
    Path dir;

    private TestLot lot;
    private WebDriver browser;
    private WebDriverWait wait;

    private void start(String language) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI must install Debian's chromium and chromium-driver (.ci/run does)");
            }
            Assumptions.abort("Chromium or ChromeDriver is missing (apt-get install chromium chromium-driver); skipped outside CI");
        }
        lot = new TestLot(dir, BookingRules.DEFAULT, null, twoRows(), STATES);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=390,844", "--hide-scrollbars", "--lang=" + language,
                "--user-data-dir=" + dir.resolve("chromium"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        // A phone's viewport: a headless window is never narrower than 500 px.
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 390, "height", 844, "pixelRatio", 1.0, "touch", true)));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File(dir.resolve("chromedriver.log").toString())).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // The page redraws a tile when its spot changes: an element found just before a redraw is looked up again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    private static Layout twoRows() {
        List<Spot> spots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String row = i < 6 ? "A" : "B";
            Set<BayType> types = i == 0 ? Set.of(BayType.ACCESSIBLE) : i == 11 ? Set.of(BayType.EV_CHARGING) : Set.of();
            spots.add(Spot.ofBox(i + 1, new Box(40 + 100 * (i % 6), i < 6 ? 40 : 300, 90, 160))
                    .described(row + (i % 6 + 1), i < 6 ? "North" : "South", types));
        }
        return new Layout(1280, 720, spots);
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
    void aDriverTapsAFreeSpotOnTheMapBooksItAndLandsOnTheReceipt() {
        start("en");
        browser.get(lot.base + "/");
        wait.until(ExpectedConditions.textToBe(By.id("count"), "Available 5 / 12"));
        assertEquals(List.of("Zone North", "Zone South"),
                browser.findElements(By.cssSelector("#spots h3")).stream().map(e -> e.getText()).toList());
        assertEquals("Spot A1, occupied, \u267F accessible, Zone North",
                browser.findElement(By.cssSelector("#map [data-spot='1']")).getAttribute("aria-label"));
        assertAccessible();
        screenshot("web-phone-lot.png");

        browser.findElement(By.cssSelector("#spots [data-spot='1']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("said"),
                "Spot A1 is occupied, so it cannot be booked. Choose a free (green) spot."));
        assertTrue(browser.getCurrentUrl().endsWith("/"), "a taken spot opens nothing");

        browser.findElement(By.cssSelector("#map [data-spot='5']")).click();
        wait.until(ExpectedConditions.urlContains("/booking?spot=5"));
        wait.until(d -> "5".equals(new Select(d.findElement(By.id("spot"))).getFirstSelectedOption().getAttribute("value")));
        assertEquals("Book spot A5", browser.findElement(By.id("heading")).getText());
        browser.findElement(By.id("plate")).sendKeys("AB!1");
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.textMatches(By.id("error"), Pattern.compile("Check the licence plate.*")));
        browser.findElement(By.id("plate")).clear();
        browser.findElement(By.id("plate")).sendKeys("pw 2024");
        browser.findElement(By.cssSelector("[data-minutes='120']")).click();
        assertAccessible();
        screenshot("web-phone-booking.png");
        browser.findElement(By.id("confirm")).click();

        wait.until(ExpectedConditions.urlMatches("/bookings/[0-9A-Z]{8}$"));
        Booking booked = lot.bookings.active().get(0);
        assertTrue(browser.getCurrentUrl().endsWith("/bookings/" + booked.code()));
        assertEquals(5, booked.spot());
        wait.until(ExpectedConditions.textToBe(By.id("label"), "A5"));
        assertEquals("PW 2024", browser.findElement(By.id("plate")).getText());
        assertEquals(booked.code(), browser.findElement(By.id("code")).getText());
        wait.until(ExpectedConditions.textMatches(By.id("left"), Pattern.compile("1:59:[0-5]\\d left")));
        assertAccessible();
        screenshot("web-phone-receipt.png");
        assertNoConsoleErrors("/api/bookings - Failed to load resource: the server responded with a status of 422");
    }

    @Test
    void theReceiptExtendsByHalfAnHourAndCancels() {
        start("en");
        Booking booked = lot.bookings.book(2, "PW 1", 60, "127.0.0.1");
        browser.get(lot.base + "/bookings/" + booked.code());
        wait.until(ExpectedConditions.textToBe(By.id("extend"), "Extend by 30 min"));
        browser.findElement(By.id("extend")).click();
        wait.until(ExpectedConditions.textMatches(By.id("said"), Pattern.compile("Extended: now until .*")));
        assertEquals(booked.end().plus(Duration.ofMinutes(30)), lot.bookings.active().get(0).end());
        wait.until(ExpectedConditions.textMatches(By.id("left"), Pattern.compile("1:29:[0-5]\\d left")));

        browser.findElement(By.id("cancel")).click();
        wait.until(ExpectedConditions.textToBe(By.id("ask-text"),
                "Cancel the booking of spot A2? The spot is then free for others."));
        browser.findElement(By.id("cancel-yes")).click();
        wait.until(ExpectedConditions.textToBe(By.id("said"), "Booking cancelled. Spot A2 is free for others now."));
        assertTrue(lot.bookings.active().isEmpty());
        assertNoConsoleErrors();
    }

    @Test
    void theLotIsPushedToThePageWithoutReloadingAndGreysOutWhenNotLive() {
        start("en");
        browser.get(lot.base + "/");
        By tile = By.cssSelector("#spots [data-spot='2']");
        wait.until(ExpectedConditions.attributeContains(tile, "class", "spot-free"));
        js("window.stillTheSamePage = 'yes'");
        for (int i = 0; i < 6; i++) {
            lot.set(STATES);
            sleep(500);
        }
        assertEquals(1L, pictures(), "samples that change nothing fetch no picture");

        Occupancy[] changed = STATES.clone();
        changed[1] = OCCUPIED;
        lot.set(changed);
        wait.until(ExpectedConditions.attributeContains(tile, "class", "spot-occupied"));
        wait.until(d -> d.findElement(tile).findElement(By.tagName("small")).getText().equals("occupied"));
        wait.until(ExpectedConditions.textToBe(By.id("count"), "Available 4 / 12"));
        assertEquals("yes", js("return window.stillTheSamePage"), "the page was not reloaded");
        wait.until(d -> pictures() == 2L);
        browser.findElement(By.id("refresh-picture")).click();
        wait.until(d -> pictures() == 3L);

        lot.lot.health(new SourceHealth(SourceHealth.State.RECONNECTING, "connection refused", null));
        wait.until(ExpectedConditions.attributeContains(tile, "class", "spot-stale"));
        assertTrue(browser.findElement(By.tagName("body")).getAttribute("class").contains("not-live"));
        assertTrue(browser.findElement(By.id("blind")).getText().startsWith("Not live: the camera is not watching the lot (connection refused)."));
        assertEquals("Availability unknown", browser.findElement(By.id("count")).getText());
        browser.findElement(By.cssSelector("#spots [data-spot='5']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("said"),
                "The camera is not watching the lot, so no spot can be booked right now."));
        assertEquals("yes", js("return window.stillTheSamePage"));
        assertNoConsoleErrors();
    }

    @Test
    void aServerThatCannotBeReachedGreysThePageAndSaysSo() {
        start("en");
        browser.get(lot.base + "/");
        By tile = By.cssSelector("#spots [data-spot='2']");
        wait.until(ExpectedConditions.attributeContains(tile, "class", "spot-free"));
        lot.server.close();
        wait.until(ExpectedConditions.textToBe(By.id("blind"),
                "The lot's server cannot be reached; the page tries again by itself. The colours are not current."));
        wait.until(ExpectedConditions.attributeContains(tile, "class", "spot-stale"));
        assertEquals("Availability unknown", browser.findElement(By.id("count")).getText());
    }

    @Test
    void aTakenSpotIsSaidAndNeverSwappedForAnotherSilently() {
        start("en");
        browser.get(lot.base + "/booking?spot=1");
        wait.until(ExpectedConditions.textToBe(By.id("error"), "Spot A1 is taken now (occupied). Choose another spot."));
        assertEquals("", new Select(browser.findElement(By.id("spot"))).getFirstSelectedOption().getAttribute("value"));

        new Select(browser.findElement(By.id("spot"))).selectByValue("7");
        Occupancy[] changed = STATES.clone();
        changed[6] = OCCUPIED;
        lot.set(changed);
        wait.until(ExpectedConditions.textToBe(By.id("error"), "Spot B1 is taken now (occupied). Choose another spot."));
        assertEquals("", new Select(browser.findElement(By.id("spot"))).getFirstSelectedOption().getAttribute("value"));
        browser.findElement(By.id("plate")).sendKeys("PW 1");
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.textToBe(By.id("error"), "Choose a spot first."));
        assertTrue(lot.bookings.active().isEmpty());
        assertNoConsoleErrors();
    }

    @Test
    void aGermanBrowserGetsThePagesInGermanWithTwentyFourHourTimes() {
        start("de");
        browser.get(lot.base + "/");
        wait.until(ExpectedConditions.textToBe(By.id("count"), "Frei 5 / 12"));
        assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Plan des Parkplatzes", browser.findElement(By.id("map-title")).getText());
        assertEquals("belegt", browser.findElement(By.cssSelector("#spots [data-spot='3'] small")).getText());
        assertTrue(browser.findElement(By.id("status")).getText().matches("Stand \\d\\d:\\d\\d:\\d\\d"),
                browser.findElement(By.id("status")).getText());
        screenshot("web-phone-lot-de.png");

        Booking booked = lot.bookings.book(5, "PW 1", 60, "127.0.0.1");
        browser.get(lot.base + "/bookings/" + booked.code());
        wait.until(ExpectedConditions.textToBe(By.id("extend"), "Um 30 min verlängern"));
        String until = browser.findElement(By.id("until")).getText();
        assertTrue(until.matches(".*\\d\\d:\\d\\d") && !until.contains("M"), "24-hour time: " + until);
        assertAccessible();
        screenshot("web-phone-receipt-de.png");
        assertNoConsoleErrors();
    }

    /** How many times the page fetched the lot's picture. */
    private long pictures() {
        return (Long) js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/snapshot.jpg')).length");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /**
     * Every control has a name a screen reader says, nothing jumps the focus order, and every visible text stands
     * out from what is behind it by at least 4.5:1 (WCAG AA), the background taken from the nearest painted parent.
     */
    private void assertAccessible() {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) js("""
                const problems = [];
                const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => { v /= 255;
                    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const background = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
                    if (!/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return c; } return 'rgb(255, 255, 255)'; };
                for (const el of document.querySelectorAll('body *')) {
                  if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
                  if (el.tabIndex > 0) problems.push('tabindex > 0 on ' + el.id);
                  if (el.matches('button, select, input:not([type=hidden]), a')) {
                    const named = el.getAttribute('aria-label') || (el.labels && el.labels.length) || el.textContent.trim()
                        || el.getAttribute('aria-labelledby');
                    if (!named) problems.push('no name: ' + el.outerHTML.slice(0, 80));
                  }
                  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                  if (!own || el.disabled) continue;
                  const a = lum(getComputedStyle(el).color), b = lum(background(el));
                  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 40));
                }
                return problems;""");
        assertEquals(List.of(), problems, browser.getCurrentUrl());
    }

    /** Nothing in the browser's console but the refusals the test asked for (Chromium logs every 4xx there). */
    private void assertNoConsoleErrors(String... expectedRefusals) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage)
                .filter(m -> java.util.Arrays.stream(expectedRefusals).noneMatch(m::contains)).toList();
        assertEquals(List.of(), errors, "the browser's console");
    }

    /** Saves what the browser shows when {@code -Dparkwatch.screenshots=DIR} asks for it (README's pictures). */
    private void screenshot(String name) {
        String to = System.getProperty("parkwatch.screenshots");
        if (to == null) {
            return;
        }
        try {
            Path target = Path.of(to).resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
