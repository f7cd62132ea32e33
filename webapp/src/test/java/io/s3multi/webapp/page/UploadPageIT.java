package io.s3multi.webapp.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * The upload page in a real headless Chromium against the gateway and the dev Swift: S3 multipart with parts in
 * parallel, a folder, cancel, the page served from another origin through the bucket's CORS rules, and tus with a
 * connection cut halfway. Every upload
 * is checked byte for byte through S3, and what Swift keeps in {@code <bucket>_segments} is looked at directly.
 *
 * <p>With {@code -Dupload-page.screenshot=<file>} the cancel test also saves a screenshot of the page mid-upload
 * (how the README's {@code docs/upload-page.png} is made).
 */
class UploadPageIT {

    private static final int MiB = 1024 * 1024;

    private static S3TestGateway gateway;
    private static PageBrowser browser;

    @TempDir
    Path files;

    private final List<String> buckets = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Properties configuration = S3TestGateway.configuration();
        String pipeline = S3TestGateway.PIPELINE.replace("healthcheck", "healthcheck upload_page");
        configuration.setProperty("pipeline", pipeline.contains(" tus ") ? pipeline : pipeline.replace(" s3multi", " tus s3multi"));
        gateway = S3TestGateway.start(configuration);
        browser = new PageBrowser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void deleteBuckets() {
        browser.network(false, -1);
        buckets.forEach(gateway::deleteBucketDirectly);
    }

    private String bucket() {
        String bucket = S3TestGateway.uniqueBucket();
        buckets.add(bucket);
        s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private static S3Client s3() {
        return gateway.s3();
    }

    private void openPage(String url, String bucket, String mode) {
        browser.open(url);
        browser.signIn(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        browser.choose(bucket, mode);
    }

    @Test
    void largeFileGoesUpInPartsSentInParallel() throws Exception {
        String bucket = bucket();
        Path file = randomFile("big.bin", 50 * MiB, 1);
        openPage(gateway.uri("/upload/").toString(), bucket, "s3");
        browser.script("performance.setResourceTimingBufferSize(1000); performance.clearResourceTimings()");

        browser.addFiles(List.of(file));
        browser.startUpload();

        assertEquals("complete", browser.awaitUploadsEnd(Duration.ofSeconds(120)), browser.log());
        assertSameBytes(file, bucket, "big.bin");
        assertEquals("-10", s3().headObject(h -> h.bucket(bucket).key("big.bin")).eTag().replaceAll(".*(-\\d+)\"$", "$1"),
                "ten 5 MiB parts");
        List<Map<String, Number>> parts = browser.requestSpans("partNumber=");
        assertEquals(10, parts.size(), parts.toString());
        assertTrue(mostAtOnce(parts) >= 2, "parts overlapped in time: " + parts);
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.listedKeys().contains("big.bin"));
    }

    @Test
    void folderOfTwentyFilesKeepsTheirPaths() throws Exception {
        String bucket = bucket();
        Path folder = Files.createDirectories(files.resolve("photos"));
        List<Path> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(randomFile("photos/" + "file-%02d.bin".formatted(i), 1000 + 997 * i, 100 + i));
        }
        openPage(gateway.uri("/upload/").toString(), bucket, "s3");

        browser.addFolder(folder);
        browser.waitUntil(Duration.ofSeconds(10), () -> ((Number) browser.script(
                "return window.s3multiPage.uppy.getFiles().length")).intValue() == 20);
        browser.startUpload();

        assertEquals("complete", browser.awaitUploadsEnd(Duration.ofSeconds(60)), browser.log());
        for (Path path : twenty) {
            assertSameBytes(path, bucket, "photos/" + path.getFileName());
        }
        assertEquals(20, s3().listObjectsV2(l -> l.bucket(bucket)).keyCount());
    }

    @Test
    void cancelLeavesNoUploadAndNoSegmentBehind() throws Exception {
        String bucket = bucket();
        Path file = randomFile("cancelled.bin", 30 * MiB, 2);
        openPage(gateway.uri("/upload/").toString(), bucket, "s3");
        browser.network(false, 4 * MiB);

        browser.addFiles(List.of(file));
        browser.startUpload();
        browser.waitUntil(Duration.ofSeconds(60), () -> partsStored(bucket) >= 1);
        String screenshot = System.getProperty("upload-page.screenshot", "");
        if (!screenshot.isEmpty()) {
            browser.screenshot(Path.of(screenshot));
        }
        browser.cancelUpload();

        // The abort and the late part attempts' own clean-up finish after the click: wait for them (at most 90 s).
        try {
            browser.waitUntil(Duration.ofSeconds(90), () -> s3().listMultipartUploads(l -> l.bucket(bucket)).uploads()
                    .isEmpty() && segments(bucket).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("left behind: uploads " + s3().listMultipartUploads(l -> l.bucket(bucket)).uploads()
                    + ", segments " + segments(bucket), e);
        }
        assertEquals(0, s3().listObjectsV2(l -> l.bucket(bucket)).keyCount());
    }

    @Test
    void pageFromAnotherOriginUploadsThroughTheBucketsCors() throws Exception {
        try (var site = new StaticSite(Path.of("target/classes/s3multi-upload-page").toAbsolutePath())) {
            String origin = "http://localhost:" + site.port();
            String bucket = bucket();
            s3().putBucketCors(p -> p.bucket(bucket).corsConfiguration(c -> c.corsRules(CORSRule.builder()
                    .allowedOrigins(origin).allowedMethods("GET", "PUT", "POST", "DELETE", "HEAD")
                    .allowedHeaders("*").exposeHeaders("ETag").maxAgeSeconds(600).build())));
            Path file = randomFile("across.bin", 12 * MiB, 3);
            openPage(origin + "/index.html?gateway=" + gateway.endpoint(), bucket, "s3");

            browser.addFiles(List.of(file));
            browser.startUpload();

            assertEquals("complete", browser.awaitUploadsEnd(Duration.ofSeconds(60)), browser.log());
            assertSameBytes(file, bucket, "across.bin");
        }
    }

    @Test
    void tusUploadResumesByItselfAfterTheConnectionIsCut() throws Exception {
        String bucket = bucket();
        Path file = randomFile("resumed.bin", 50 * MiB, 4);
        openPage(gateway.uri("/upload/").toString(), bucket, "tus");
        browser.network(false, 16 * MiB);

        browser.addFiles(List.of(file));
        browser.startUpload();
        browser.waitUntil(Duration.ofSeconds(60), () -> browser.bytesUploaded() >= 25L * MiB);
        browser.network(true, -1);
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.retries() >= 1);
        browser.network(false, -1);

        assertEquals("complete", browser.awaitUploadsEnd(Duration.ofSeconds(120)), browser.log());
        assertSameBytes(file, bucket, "resumed.bin");
        assertEquals(List.of(), s3().listMultipartUploads(l -> l.bucket(bucket)).uploads());
    }

    private int partsStored(String bucket) {
        var uploads = s3().listMultipartUploads(l -> l.bucket(bucket)).uploads();
        return uploads.isEmpty() ? 0 : s3().listParts(l -> l.bucket(bucket).key(uploads.get(0).key())
                .uploadId(uploads.get(0).uploadId())).parts().size();
    }

    private static List<String> segments(String bucket) {
        try {
            return S3TestGateway.objectNames(gateway.swift(), bucket + "_segments");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The largest number of spans that were open at one instant. */
    private static int mostAtOnce(List<Map<String, Number>> spans) {
        return spans.stream().mapToInt(span -> (int) spans.stream()
                .filter(other -> other.get("start").doubleValue() <= span.get("start").doubleValue()
                        && other.get("end").doubleValue() > span.get("start").doubleValue())
                .count()).max().orElse(0);
    }

    private Path randomFile(String name, int size, long seed) throws IOException {
        Path path = files.resolve(name);
        Files.createDirectories(path.getParent());
        var random = new Random(seed);
        byte[] block = new byte[MiB];
        try (OutputStream out = Files.newOutputStream(path)) {
            for (int written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, Math.min(block.length, size - written));
            }
        }
        return path;
    }

    private static void assertSameBytes(Path expected, String bucket, String key) throws IOException {
        try (InputStream want = Files.newInputStream(expected);
                InputStream got = s3().getObject(g -> g.bucket(bucket).key(key))) {
            byte[] a = new byte[64 * 1024];
            long offset = 0;
            while (true) {
                int n = want.readNBytes(a, 0, a.length);
                byte[] b = got.readNBytes(n == 0 ? 1 : n);
                if (n == 0) {
                    assertEquals(0, b.length, key + " is longer than " + expected);
                    return;
                }
                assertTrue(Arrays.equals(a, 0, n, b, 0, b.length), key + " differs from " + expected + " at or after byte " + offset);
                offset += n;
            }
        }
    }
}
