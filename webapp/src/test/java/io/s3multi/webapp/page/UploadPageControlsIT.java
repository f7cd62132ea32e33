package io.s3multi.webapp.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.keystone.TcpRelay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * The upload page's controls besides uploading itself, in the headless Chromium of {@link PageTest}: sign-in with a
 * Swift token, the bucket listing (sizes, dates, download into Chromium's download directory, delete), a tus upload
 * that continues after the page is reloaded, pause and resume (per file by tus, all at once by S3 multipart), and
 * the page retrying by itself while the gateway refuses connections. The reload and retry tests reach the gateway
 * through a {@link TcpRelay}, which counts the bytes the page sent and refuses connections when told to.
 */
class UploadPageControlsIT extends PageTest {

    @Test
    void swiftTokenSignsInUploadsByTusAndListsDownloadsAndDeletes() throws Exception {
        String bucket = bucket();
        Path kept = randomFile("kept.bin", 2 * MiB, 11);
        Path deleted = randomFile("deleted.bin", 300 * 1024, 12);
        HttpResponse<Void> auth = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(S3TestGateway.SWIFT_URL + "/auth/v1.0"))
                .header("X-Auth-User", S3TestGateway.TESTER).header("X-Auth-Key", S3TestGateway.TESTER_KEY)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
        String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
        String storagePath = URI.create(auth.headers().firstValue("X-Storage-Url").orElseThrow()).getPath();

        browser.open(gateway.uri("/upload/").toString());
        browser.signInWithToken(token, storagePath);
        assertEquals("true", browser.attribute("#mode-s3", "disabled"), "a token signs no S3 request");
        browser.choose(bucket, "tus");
        browser.addFiles(List.of(kept, deleted));
        browser.startUpload();

        assertUploaded(bucket, List.of(kept, deleted));
        listsDownloadsAndDeletes(bucket, "kept.bin", kept, "2.0 MiB", "deleted.bin", "300.0 KiB");
    }

    @Test
    void listingWithS3KeysShowsSizesAndDatesDownloadsAndDeletes() throws Exception {
        String bucket = bucket();
        Path kept = randomFile("docs/report 1.txt", 700, 13);
        s3().putObject(p -> p.bucket(bucket).key("docs/report 1.txt"), RequestBody.fromFile(kept));
        s3().putObject(p -> p.bucket(bucket).key("docs/old.bin"), RequestBody.fromBytes(new byte[1536]));

        openPage(gateway.uri("/upload/").toString(), bucket, "s3");

        listsDownloadsAndDeletes(bucket, "docs/report 1.txt", kept, "700 B", "docs/old.bin", "1.5 KiB");
    }

    /**
     * The listing shows the bucket's two objects with their sizes and dates; Download saves {@code keptKey} in
     * Chromium's download directory, byte for byte {@code kept}; Delete removes {@code deletedKey} from Swift and from
     * the listing.
     */
    private void listsDownloadsAndDeletes(String bucket, String keptKey, Path kept, String keptSize, String deletedKey,
            String deletedSize) throws Exception {
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.listedKeys().containsAll(List.of(keptKey, deletedKey)));
        for (var object : s3().listObjectsV2(l -> l.bucket(bucket)).contents()) {
            List<String> row = browser.listedRow(object.key());
            assertEquals(object.key(), row.get(0));
            assertEquals(object.key().equals(keptKey) ? keptSize : deletedSize, row.get(1), object.key());
            Number apart = (Number) browser.script("return Math.abs(Date.parse(arguments[0]) - Date.parse(arguments[1]))",
                    row.get(2), object.lastModified().toString());
            assertTrue(apart.longValue() <= 1000, row.get(2) + " shown for " + object.lastModified());
        }

        Path downloaded = browser.download(keptKey, kept.getFileName().toString());
        assertEquals(-1, Files.mismatch(kept, downloaded), "downloaded " + downloaded + " differs from " + kept);

        browser.delete(deletedKey);
        var gone = assertThrows(SwiftHttpStatusException.class,
                () -> gateway.swift().objects().head(bucket, deletedKey, SwiftHeaders.empty()));
        assertEquals(404, gone.status(), deletedKey + " in Swift after Delete");
        assertStoredInSwift(kept, bucket, keptKey);
        assertEquals(List.of(keptKey), browser.listedKeys());
    }

    @Test
    void tusUploadContinuesAfterAPageReloadFromTheServersOffset() throws Exception {
        String bucket = bucket();
        Path file = randomFile("reloaded.bin", 24 * MiB, 15);
        try (var relay = new TcpRelay("127.0.0.1", gateway.port())) {
            startUploading("http://127.0.0.1:" + relay.port() + "/upload/", bucket, "tus", 4 * MiB, List.of(file));
            browser.waitUntil(Duration.ofSeconds(60), () -> !partsStored(bucket).isEmpty());

            browser.reload(bucket, "tus");
            long stored = partsStored(bucket).stream().mapToLong(Part::size).sum();
            browser.network(false, -1);
            long before = relay.bytesFromClients();
            browser.addFiles(List.of(file));
            browser.startUpload();

            assertUploaded(bucket, List.of(file));
            long sent = relay.bytesFromClients() - before;
            assertTrue(stored > 0 && sent < Files.size(file) - stored + 256 * 1024,
                    "after the reload the page sent " + sent + " bytes of " + Files.size(file) + ", " + stored + " were stored");
        }
        assertEquals(List.of(), s3().listMultipartUploads(l -> l.bucket(bucket)).uploads(), "one upload, resumed");
    }

    @Test
    void tusUploadPausesAndResumesByItsFileButton() throws Exception {
        String bucket = bucket();
        Path file = randomFile("paused.bin", 12 * MiB, 16);
        startUploading(gateway.uri("/upload/").toString(), bucket, "tus", 2 * MiB, List.of(file));
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.bytesUploaded() >= MiB);

        assertEquals("Resume upload", browser.pauseOrResumeFile("paused.bin"));
        assertEquals(List.of(true), browser.paused());
        assertEquals(0, s3().listObjectsV2(l -> l.bucket(bucket)).keyCount(), "paused before the end");
        browser.network(false, -1);
        assertEquals("Pause upload", browser.pauseOrResumeFile("paused.bin"));

        assertUploaded(bucket, List.of(file));
    }

    @Test
    void s3MultipartUploadsPauseAndResumeAllAtOnce() throws Exception {
        String bucket = bucket();
        List<Path> two = List.of(randomFile("first.bin", 12 * MiB, 17), randomFile("second.bin", 11 * MiB, 18));
        startUploading(gateway.uri("/upload/").toString(), bucket, "s3", 4 * MiB, two);
        browser.waitUntil(Duration.ofSeconds(30), () -> !partsStored(bucket).isEmpty());

        browser.pauseOrResumeAll();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.paused().equals(List.of(true, true)));
        assertEquals(0, s3().listObjectsV2(l -> l.bucket(bucket)).keyCount(), "paused before the end");
        assertFalse(s3().listMultipartUploads(l -> l.bucket(bucket)).uploads().isEmpty(), "pausing aborts nothing");
        browser.network(false, -1);
        browser.pauseOrResumeAll();

        assertUploaded(bucket, two);
        assertEquals(List.of(), s3().listMultipartUploads(l -> l.bucket(bucket)).uploads());
    }

    /**
     * The gateway refuses every connection (and resets the open ones) for longer than Uppy's own retries of an S3
     * part last (3 within about 2 s); the page retries by itself and finishes once the gateway is back.
     */
    @ParameterizedTest
    @ValueSource(strings = {"s3", "tus"})
    void retriesByItselfWhileTheGatewayRefusesConnections(String mode) throws Exception {
        String bucket = bucket();
        String name = "retried-" + mode + ".bin";
        Path file = randomFile(name, 12 * MiB, 19);
        try (var relay = new TcpRelay("127.0.0.1", gateway.port())) {
            startUploading("http://127.0.0.1:" + relay.port() + "/upload/", bucket, mode, 4 * MiB, List.of(file));
            browser.waitUntil(Duration.ofSeconds(30), () -> browser.bytesUploaded() >= MiB);

            relay.mode(TcpRelay.Mode.REFUSING);
            browser.waitUntil(Duration.ofSeconds(30), () -> browser.retries() >= 1 && relay.refused() >= 1);
            relay.mode(TcpRelay.Mode.FORWARD);
            browser.network(false, -1);

            assertUploaded(bucket, List.of(file));
        }
        assertEquals(List.of(), s3().listMultipartUploads(l -> l.bucket(bucket)).uploads());
    }
}
