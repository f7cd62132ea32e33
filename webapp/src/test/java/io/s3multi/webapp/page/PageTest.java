package io.s3multi.webapp.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
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
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * What the browser tests of the upload page share: one gateway with {@code upload_page} and {@code tus} in its
 * pipeline, one headless Chromium ({@link PageBrowser}), a bucket per test deleted afterwards, files of random
 * bytes, and the checks of what arrived: byte for byte through S3, and as Swift stored it.
 */
abstract class PageTest {

    static final int MiB = 1024 * 1024;

    static S3TestGateway gateway;
    static PageBrowser browser;

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

    String bucket() {
        String bucket = S3TestGateway.uniqueBucket();
        buckets.add(bucket);
        s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    static S3Client s3() {
        return gateway.s3();
    }

    void openPage(String url, String bucket, String mode) {
        browser.open(url);
        browser.signIn(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        browser.choose(bucket, mode);
    }

    /** Opens the page signed in with S3 keys, slows its network to {@code bytesPerSecond} and starts uploading. */
    void startUploading(String url, String bucket, String mode, int bytesPerSecond, List<Path> files) {
        openPage(url, bucket, mode);
        browser.network(false, bytesPerSecond);
        browser.addFiles(files);
        browser.startUpload();
    }

    /** The page's uploads end complete and each file is its object (named as the file), byte for byte, in Swift. */
    static void assertUploaded(String bucket, List<Path> uploaded) throws Exception {
        assertEquals("complete", browser.awaitUploadsEnd(Duration.ofSeconds(60)), browser.log());
        for (Path file : uploaded) {
            assertSameBytes(file, bucket, file.getFileName().toString());
            assertStoredInSwift(file, bucket, file.getFileName().toString());
        }
    }

    /** The parts the bucket's (first) multipart or tus upload has stored. */
    static List<Part> partsStored(String bucket) {
        var uploads = s3().listMultipartUploads(l -> l.bucket(bucket)).uploads();
        return uploads.isEmpty() ? List.of() : s3().listParts(l -> l.bucket(bucket).key(uploads.get(0).key())
                .uploadId(uploads.get(0).uploadId())).parts();
    }

    static List<String> segments(String bucket) {
        try {
            return S3TestGateway.objectNames(gateway.swift(), bucket + "_segments");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Path randomFile(String name, int size, long seed) throws IOException {
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

    static void assertSameBytes(Path expected, String bucket, String key) throws IOException {
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

    /** The object as Swift stored it has the file's size (an upload's manifest answers its whole size). */
    static void assertStoredInSwift(Path expected, String bucket, String key) throws Exception {
        assertEquals(Files.size(expected), gateway.swift().objects().head(bucket, key, SwiftHeaders.empty()).contentLength(),
                key + " in Swift");
    }
}
