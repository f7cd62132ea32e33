package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.slo.ManifestEntry;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real tus client (tus-js-client under Node.js) uploads a 200 MiB file through a proxy that cuts the connection
 * in the middle of a PATCH three times; the client resumes by itself (HEAD, then PATCH from the offset):
 * <ol>
 *   <li>at the same gateway,</li>
 *   <li>at that gateway restarted after it was killed in the middle of the PATCH (a new JVM: nothing of the upload
 *       can be in memory; the dead one's PATCH claim is taken over once stale),</li>
 *   <li>at a second gateway on another port against the same Swift.</li>
 * </ol>
 * The object read back with S3 GetObject is the file, byte for byte, and {@code <bucket>_segments} holds exactly
 * the segments the object's manifest names: no marker, no piece lost to a cut, no PATCH claim.
 */
class TusClientResumeIT {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final String bucket = S3TestGateway.uniqueBucket();
    private SwiftBackend swiftBackend;
    private Path file;

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
        if (swiftBackend != null) {
            S3TestGateway.deleteBucketEverywhere(swiftBackend, swift(), bucket);
            swiftBackend.close();
        }
    }

    @Test
    void twoHundredMebibytesCutThreeTimesResumeAtTheSameARestartedAndASecondGateway() throws Exception {
        swiftBackend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
        file = Files.createTempFile(Path.of("target"), "tus-200m-", ".bin");
        String digest = TusJsClient.randomFile(file, SIZE, 18);
        Path conf = configuration(8 * MIB);
        GatewayProcess first = closing(GatewayProcess.start(conf, "256m"));
        GatewayProcess second = closing(GatewayProcess.start(conf, "256m"));
        try (S3Client s3 = first.s3()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        CuttingProxy proxy = closing(new CuttingProxy(first.port(), List.of(50 * MIB, 100 * MIB, 150 * MIB)));
        Path log = Files.createTempFile(Path.of("target"), "tus-js-client-", ".log");
        long started = System.nanoTime();
        Process client = TusJsClient.start(TusJsClient.presignedCreation(proxy.uri(""), bucket), file, "big.bin", log);
        closeables.add(client::destroyForcibly);

        proxy.awaitHeld(Duration.ofMinutes(3));
        proxy.cut();
        proxy.resume(first.port());
        // The gateway dies while the PATCH is half sent, holding the upload's PATCH claim: the restarted one
        // answers 423 until the claim is stale, and the client keeps retrying.
        proxy.awaitHeld(Duration.ofMinutes(3));
        first.kill();
        proxy.cut();
        GatewayProcess restarted = closing(GatewayProcess.start(conf, "256m"));
        proxy.resume(restarted.port());
        proxy.awaitHeld(Duration.ofMinutes(3));
        proxy.cut();
        proxy.resume(second.port());
        String output = TusJsClient.awaitSuccess(client, log, Duration.ofMinutes(5));
        System.out.printf("200 MiB by tus-js-client, 3 cuts: %.1f s, %d MiB sent towards the gateways, %d retries"
                + " answered 423%n", (System.nanoTime() - started) / 1e9, proxy.forwarded() / MIB,
                output.split("\"status\":423", -1).length - 1);

        assertTrue(output.split("\"event\":\"retry\"", -1).length - 1 >= 3, output);
        assertTrue(restarted.output().contains("taking over the claim " + bucket + "_segments/parts/"),
                "the restarted gateway never took over the killed one's PATCH claim:\n" + restarted.output());
        try (S3Client s3 = second.s3()) {
            assertEquals(digest, TusJsClient.sha256(s3.getObject(b -> b.bucket(bucket).key("big.bin"))));
        }
        Set<String> referenced = swift().largeObjects().getManifest(bucket, "big.bin").stream()
                .map(ManifestEntry::path).map(path -> path.container() + "/" + path.object())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> stored = S3TestGateway.objectNames(swift(), bucket + "_segments").stream()
                .map(name -> bucket + "_segments/" + name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(referenced, stored);
        assertEquals(SIZE, swift().objects().head(bucket, "big.bin", io.s3multi.swift.SwiftHeaders.empty())
                .contentLength());
    }

    static Path configuration(long pieceSize) throws Exception {
        Properties properties = S3TestGateway.configuration();
        properties.remove("server.port");
        properties.setProperty("pipeline", S3TestGateway.PIPELINE.replace("tempauth", "tempauth tus"));
        properties.setProperty("filter.tus.swift_url", S3TestGateway.SWIFT_URL);
        properties.setProperty("filter.tus.piece_size", Long.toString(pieceSize));
        Path conf = Files.createTempFile(Path.of("target"), "tus-client-", ".properties");
        try (OutputStream out = Files.newOutputStream(conf)) {
            properties.store(out, "tus client test");
        }
        return conf;
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    private SwiftAccount swift() {
        return swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
    }
}
