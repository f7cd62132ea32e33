package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A 1 GiB PutObject and GetObject through the launcher jar running with a 128 MiB heap, SDK defaults
 * (aws-chunked, CRC32 trailer): the bytes Swift stores and the bytes the client reads back have the SHA-256 of
 * the bytes sent, and the gateway is still alive without an OutOfMemoryError, so neither direction held the body.
 */
class S3LargeObjectStreamingIT {

    private static final long SIZE = 1024L * 1024 * 1024;

    @Test
    void oneGibibyteStreamsBothWaysThroughASmallHeap() throws Exception {
        String expected = sha256(new PatternStream(SIZE));
        Path conf = gatewayConf();
        String bucket = S3TestGateway.uniqueBucket();
        try (SwiftBackend backend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
             GatewayProcess gateway = GatewayProcess.start(conf, "128m");
             S3Client s3 = S3Client.builder()
                     .endpointOverride(gateway.uri(""))
                     .region(Region.of(S3TestGateway.REGION))
                     .forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY)))
                     .build()) {
            SwiftAccount swift = backend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
            swift.containers().create(bucket, SwiftHeaders.empty());
            try {
                PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("one-gib"),
                        RequestBody.fromContentProvider(() -> new PatternStream(SIZE), SIZE, "application/octet-stream"));
                assertTrue(put.eTag().startsWith("\""), put.eTag());
                assertEquals(SIZE, swift.objects().head(bucket, "one-gib", SwiftHeaders.empty()).contentLength());

                try (ResponseInputStream<GetObjectResponse> got = s3.getObject(b -> b.bucket(bucket).key("one-gib"))) {
                    assertEquals(SIZE, got.response().contentLength());
                    assertEquals(expected, sha256(got));
                }
                assertTrue(gateway.isAlive(), "the gateway died");
                String output = gateway.output();
                assertFalse(output.contains("OutOfMemoryError"), output);
            } finally {
                swift.objects().delete(bucket, "one-gib", SwiftHeaders.empty());
                swift.containers().delete(bucket);
            }
        }
    }

    private static Path gatewayConf() throws IOException {
        Properties properties = S3TestGateway.configuration();
        Path conf = Files.createTempFile(Path.of("target"), "s3-streaming-", ".properties");
        try (OutputStream out = Files.newOutputStream(conf)) {
            properties.store(out, "S3 streaming test");
        }
        return conf;
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

}
