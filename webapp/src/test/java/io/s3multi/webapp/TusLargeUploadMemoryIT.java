package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.webapp.s3.S3TestGateway;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A 1 GiB upload by tus-js-client (one PATCH streaming the file) through the launcher jar with a 128 MiB heap and
 * the default piece size (64 MiB): the body streams into Swift piece by piece, the gateway holds none of it, and
 * S3 GetObject reads back the file byte for byte. Prints the time and the peak heap the GC log shows.
 */
class TusLargeUploadMemoryIT {

    private static final long SIZE = 1024L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;
    /** A G1 log line's heap before and after a collection: {@code 60M->12M(128M)}. */
    private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final String bucket = S3TestGateway.uniqueBucket();
    private SwiftBackend swiftBackend;
    private Path file;

    @AfterEach
    void stop() throws Exception {
        if (file != null) {
            Files.deleteIfExists(file);
        }
        if (swiftBackend != null) {
            SwiftAccount swift = swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
            S3TestGateway.deleteBucketEverywhere(swiftBackend, swift, bucket);
            swiftBackend.close();
        }
    }

    @Test
    void aGibibyteTusUploadStreamsThroughA128MebibyteHeap() throws Exception {
        swiftBackend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
        file = Files.createTempFile(Path.of("target"), "tus-1g-", ".bin");
        long generating = System.nanoTime();
        String digest = TusJsClient.randomFile(file, SIZE, 1024);
        double generated = (System.nanoTime() - generating) / 1e9;
        Path gcLog = Files.createTempFile(Path.of("target"), "tus-1g-gc-", ".log");
        try (GatewayProcess gateway = GatewayProcess.start(TusClientResumeIT.configuration(64 * MIB), "128m",
                List.of("-Xlog:gc:file=" + gcLog))) {
            try (S3Client s3 = gateway.s3()) {
                s3.createBucket(b -> b.bucket(bucket));
            }
            Path log = Files.createTempFile(Path.of("target"), "tus-js-client-", ".log");
            long started = System.nanoTime();
            Process client = TusJsClient.start(TusJsClient.presignedCreation(gateway.uri(""), bucket), file,
                    "huge.bin", log);
            TusJsClient.awaitSuccess(client, log, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - started) / 1e9;

            assertTrue(gateway.isAlive(), "the gateway died");
            assertFalse(gateway.output().contains("OutOfMemoryError"), gateway.output());
            long reading = System.nanoTime();
            try (S3Client s3 = gateway.s3()) {
                assertEquals(digest, TusJsClient.sha256(s3.getObject(b -> b.bucket(bucket).key("huge.bin"))));
            }
            System.out.printf("1 GiB by tus-js-client at -Xmx128m: %.1f s (%.0f MiB/s), peak heap before a GC %d MiB;"
                    + " the file written in %.1f s, read back by S3 GET in %.1f s%n", seconds, SIZE / MIB / seconds,
                    peakHeapMib(Files.readString(gcLog)), generated,
                    (System.nanoTime() - reading) / 1e9);
        }
    }

    private static long peakHeapMib(String gcLog) {
        long peak = 0;
        Matcher matcher = HEAP.matcher(gcLog);
        while (matcher.find()) {
            peak = Math.max(peak, Long.parseLong(matcher.group(1)));
        }
        return peak;
    }
}
