package io.s3multi.webapp.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * The upload page in a real headless Chromium against the gateway and the dev Swift: S3 multipart with parts in
 * parallel, a folder, cancel, the page served from another origin uploading by S3 multipart and by tus through the
 * bucket's CORS rules, and tus with a connection cut halfway. Every upload is checked byte for byte through S3, and
 * what Swift keeps in {@code <bucket>_segments} is looked at directly. The page's other controls:
 * {@link UploadPageControlsIT}.
 *
 * <p>With {@code -Dupload-page.screenshot=<file>} the cancel test also saves a screenshot of the page mid-upload
 * (how the README's {@code docs/upload-page.png} is made).
 */
class UploadPageIT extends PageTest {

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
        startUploading(gateway.uri("/upload/").toString(), bucket, "s3", 4 * MiB, List.of(file));
        browser.waitUntil(Duration.ofSeconds(60), () -> partsStored(bucket).size() >= 1);
        String screenshot = System.getProperty("upload-page.screenshot", "");
        if (!screenshot.isEmpty()) {
            browser.screenshot(Path.of(screenshot));
        }
        browser.cancelUpload();

        // The abort and the late part attempts' own clean-up finish after the click: wait for them (at most 90 s).
        // What stays is the abort's trace (aborts/<upload id>), which the sweeper removes a day later.
        try {
            browser.waitUntil(Duration.ofSeconds(90), () -> s3().listMultipartUploads(l -> l.bucket(bucket)).uploads()
                    .isEmpty() && segmentsBesidesAbortTraces(bucket).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("left behind: uploads " + s3().listMultipartUploads(l -> l.bucket(bucket)).uploads()
                    + ", segments " + segments(bucket), e);
        }
        assertFalse(segments(bucket).isEmpty(), "the abort left its trace");
        assertEquals(0, s3().listObjectsV2(l -> l.bucket(bucket)).keyCount());
    }

    private static List<String> segmentsBesidesAbortTraces(String bucket) {
        try {
            return S3TestGateway.segmentsBesidesAbortTraces(gateway.swift(), bucket);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pageFromAnotherOriginUploadsByS3AndByTusThroughTheBucketsCors() throws Exception {
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

            // tus: the creation POST signed in its headers, then PATCHes on the upload URL, all through CORS.
            Path small = randomFile("across-by-tus.bin", 3 * MiB + 5, 5);
            browser.choose(bucket, "tus");
            browser.addFiles(List.of(small));
            browser.startUpload();

            assertUploaded(bucket, List.of(small));
        }
    }

    @Test
    void tusUploadResumesByItselfAfterTheConnectionIsCut() throws Exception {
        String bucket = bucket();
        Path file = randomFile("resumed.bin", 50 * MiB, 4);
        startUploading(gateway.uri("/upload/").toString(), bucket, "tus", 16 * MiB, List.of(file));
        browser.waitUntil(Duration.ofSeconds(60), () -> browser.bytesUploaded() >= 25L * MiB);
        browser.network(true, -1);
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.retries() >= 1);
        browser.network(false, -1);

        assertEquals("complete", browser.awaitUploadsEnd(Duration.ofSeconds(120)), browser.log());
        assertSameBytes(file, bucket, "resumed.bin");
        assertEquals(List.of(), s3().listMultipartUploads(l -> l.bucket(bucket)).uploads());
    }

    /** The largest number of spans that were open at one instant. */
    private static int mostAtOnce(List<Map<String, Number>> spans) {
        return spans.stream().mapToInt(span -> (int) spans.stream()
                .filter(other -> other.get("start").doubleValue() <= span.get("start").doubleValue()
                        && other.get("end").doubleValue() > span.get("start").doubleValue())
                .count()).max().orElse(0);
    }
}
