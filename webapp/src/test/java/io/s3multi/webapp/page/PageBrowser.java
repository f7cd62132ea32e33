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
    private final Path downloads;

    PageBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the browser tests need Debian's chromium and chromium-driver"
                    + " (installed by dev/test through dev/containers install)");
        }
        downloads = Files.createTempDirectory("page-downloads");
        var options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
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
        driver.findElement(By.cssSelector("input[name=kind][value=s3]")).click();
        type("#access-key", accessKey);
        type("#secret-key", secretKey);
        submitSignIn();
    }

    /** Signs in with a Swift token and the account's storage path ({@code /v1/AUTH_...}). */
    void signInWithToken(String token, String storagePath) {
        driver.findElement(By.cssSelector("input[name=kind][value=swift]")).click();
        type("#swift-token", token);
        type("#storage-path", storagePath);
        submitSignIn();
    }

    private void submitSignIn() {
        driver.findElement(By.id("sign-in-button")).click();
        waitUntil(Duration.ofSeconds(20), () -> driver.findElement(By.id("workspace")).isDisplayed()
                || !driver.findElement(By.id("sign-in-error")).getText().isEmpty());
        String error = driver.findElement(By.id("sign-in-error")).getText();
        if (!error.isEmpty()) {
            throw new AssertionError(error);
        }
    }

    /** Reloads the page; a tab that was signed in comes back signed in, with the bucket and mode it had. */
    void reload(String bucket, String mode) {
        driver.navigate().refresh();
        waitUntil(Duration.ofSeconds(20), () -> "true".equals(attribute("body", "data-ready")) && ready(bucket, mode));
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
        waitUntil(Duration.ofSeconds(10), () -> ready(bucket, mode));
    }

    /** Whether the page's Uppy is the one for this bucket and mode and the listing shows the bucket. */
    private boolean ready(String bucket, String mode) {
        return Boolean.TRUE.equals(script("const page = window.s3multiPage;"
                + " return !!page && page.bucket === arguments[0] && page.mode === arguments[1]", bucket, mode))
                && !driver.findElements(By.cssSelector(".uppy-Dashboard-input")).isEmpty()
                && bucket.equals(attribute("#objects", "data-bucket"));
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

    /** Clicks the status bar's button that pauses (or resumes) every upload. */
    void pauseOrResumeAll() {
        driver.findElement(By.cssSelector(".uppy-StatusBar [data-cy=togglePauseResume]")).click();
    }

    /** Clicks the pause (or resume) button of the file's own progress circle; returns its label after the click. */
    String pauseOrResumeFile(String name) {
        String id = (String) script("return window.s3multiPage.uppy.getFiles().find(f => f.name === arguments[0]).id", name);
        By button = By.cssSelector("[id='uppy_" + id + "'] button.uppy-Dashboard-Item-progressIndicator");
        String before = driver.findElement(button).getAttribute("aria-label");
        driver.findElement(button).click();
        waitUntil(Duration.ofSeconds(10), () -> !before.equals(driver.findElement(button).getAttribute("aria-label")));
        return driver.findElement(button).getAttribute("aria-label");
    }

    /** Whether Uppy holds each of its files paused. */
    @SuppressWarnings("unchecked")
    List<Boolean> paused() {
        return (List<Boolean>) script("return window.s3multiPage.uppy.getFiles().map(f => !!f.isPaused)");
    }

    /** Waits for the page to report the end of the upload batch and returns how it ended. */
    String awaitUploadsEnd(Duration timeout) {
        try {
            waitUntil(timeout, () -> List.of("complete", "failed", "cancelled").contains(attribute("body", "data-uploads")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("uploads still " + attribute("body", "data-uploads") + " after " + timeout
                    + ", retries " + retries() + ": " + script("return JSON.stringify(window.s3multiPage.uppy.getFiles()"
                    + ".map(f => ({ name: f.name, progress: f.progress, error: f.error, paused: f.isPaused })))"), e);
        }
        return attribute("body", "data-uploads");
    }

    /** The keys in the page's listing of the bucket. */
    @SuppressWarnings("unchecked")
    List<String> listedKeys() {
        // One script, not an element per row: the page re-renders the listing whenever it refreshes it.
        return (List<String>) script("return [...document.querySelectorAll('#objects tbody tr')].map(r => r.dataset.key)");
    }

    /** The text of the listing's cells (key, size, last modified) in the row of {@code key}. */
    @SuppressWarnings("unchecked")
    List<String> listedRow(String key) {
        return (List<String>) script("const row = [...document.querySelectorAll('#objects tbody tr')]"
                + ".find(r => r.dataset.key === arguments[0]);"
                + " return [...row.cells].slice(0, 3).map(c => c.textContent)", key);
    }

    /** Clicks Download in the row of {@code key} and waits for Chromium to have saved the file. */
    Path download(String key, String fileName) {
        listButton(key, "download").click();
        Path file = downloads.resolve(fileName);
        waitUntil(Duration.ofSeconds(20), () -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return file;
    }

    /** Clicks Delete in the row of {@code key}, confirms, and waits for the row to go. */
    void delete(String key) {
        listButton(key, "delete").click();
        driver.switchTo().alert().accept();
        waitUntil(Duration.ofSeconds(20), () -> !listedKeys().contains(key));
    }

    private WebElement listButton(String key, String action) {
        return driver.findElement(By.cssSelector("#objects tbody tr[data-key='" + key + "'] button." + action));
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
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(downloads)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
