package io.s3multi.webapp.page;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromium-driver (no browser or driver is downloaded), with the
 * upload page's controls as methods: sign in, choose bucket and mode, add files, start, cancel, wait for the end.
 */
final class PageBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    PageBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the browser tests need Debian's chromium and chromium-driver"
                    + " (installed by dev/test through dev/containers install)");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000",
                "--no-first-run", "--disable-gpu");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens the page signed out (a tab keeps its sign-in for the page's origin until Sign out). */
    void open(String url) {
        driver.get(url);
        waitUntil(Duration.ofSeconds(20), () -> "true".equals(attribute("body", "data-ready")));
        if (!driver.findElement(By.id("sign-in")).isDisplayed()) {
            driver.findElement(By.id("sign-out")).click();
            waitUntil(Duration.ofSeconds(20), () -> "true".equals(attribute("body", "data-ready"))
                    && driver.findElement(By.id("sign-in")).isDisplayed());
        }
    }

    void signIn(String accessKey, String secretKey) {
        type("#access-key", accessKey);
        type("#secret-key", secretKey);
        driver.findElement(By.id("sign-in-button")).click();
        waitUntil(Duration.ofSeconds(20), () -> driver.findElement(By.id("workspace")).isDisplayed()
                || !driver.findElement(By.id("sign-in-error")).getText().isEmpty());
        String error = driver.findElement(By.id("sign-in-error")).getText();
        if (!error.isEmpty()) {
            throw new AssertionError(error);
        }
    }

    void type(String selector, String text) {
        WebElement input = driver.findElement(By.cssSelector(selector));
        input.clear();
        input.sendKeys(text);
    }

    /** Chooses the bucket and the upload mode ({@code s3} or {@code tus}); the page sets up a fresh Uppy. */
    void choose(String bucket, String mode) {
        driver.findElement(By.id("mode-" + mode)).click();
        type("#bucket", bucket + Keys.TAB);
        waitUntil(Duration.ofSeconds(10), () -> !driver.findElements(By.cssSelector(".uppy-Dashboard-input")).isEmpty()
                && bucket.equals(attribute("#objects", "data-bucket")));
    }

    /** Adds files the way a file chooser does. */
    void addFiles(List<Path> files) {
        var paths = String.join("\n", files.stream().map(Path::toString).toList());
        driver.findElement(By.cssSelector("input.uppy-Dashboard-input:not([webkitdirectory])")).sendKeys(paths);
    }

    /** Adds a folder the way the folder chooser does (Uppy keeps each file's path under it). */
    void addFolder(Path folder) {
        driver.findElement(By.cssSelector("input.uppy-Dashboard-input[webkitdirectory]")).sendKeys(folder.toString());
    }

    void startUpload() {
        driver.findElement(By.cssSelector(".uppy-StatusBar-actionBtn--upload")).click();
    }

    void cancelUpload() {
        driver.findElement(By.cssSelector(".uppy-StatusBar [aria-label='Cancel']")).click();
    }

    /** Waits for the page to report the end of the upload batch and returns how it ended. */
    String awaitUploadsEnd(Duration timeout) {
        waitUntil(timeout, () -> List.of("complete", "failed", "cancelled").contains(attribute("body", "data-uploads")));
        return attribute("body", "data-uploads");
    }

    /** The keys in the page's listing of the bucket. */
    List<String> listedKeys() {
        return driver.findElements(By.cssSelector("#objects tbody tr")).stream()
                .map(row -> row.getAttribute("data-key")).toList();
    }

    /** Bytes the page has sent of its (first) file, as Uppy counts them. */
    long bytesUploaded() {
        return ((Number) script("const f = window.s3multiPage.uppy.getFiles()[0];"
                + " return f && f.progress.bytesUploaded || 0")).longValue();
    }

    /** How often the page retried a request that broke (tus mode). */
    int retries() {
        String retries = attribute("body", "data-retries");
        return retries == null ? 0 : Integer.parseInt(retries);
    }

    /** Emulated network: bytes per second up and down, or offline. */
    void network(boolean offline, int bytesPerSecond) {
        var conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        conditions.setLatency(Duration.ZERO);
        conditions.setUploadThroughput(bytesPerSecond);
        conditions.setDownloadThroughput(bytesPerSecond);
        driver.setNetworkConditions(conditions);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The time spans (start, end in ms) of the page's requests whose URL contains {@code text}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Number>> requestSpans(String text) {
        return (List<Map<String, Number>>) script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes(arguments[0]))"
                + ".map(e => ({ start: e.startTime, end: e.responseEnd }))", text);
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    String attribute(String selector, String name) {
        return driver.findElement(By.cssSelector(selector)).getAttribute(name);
    }

    void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(d -> condition.getAsBoolean());
    }

    String log() {
        return driver.manage().logs().getAvailableLogTypes().contains("browser")
                ? String.join("\n", driver.manage().logs().get("browser").getAll().stream().map(Object::toString).toList())
                : "";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
