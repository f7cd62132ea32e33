package io.s3multi.webapp.s3.multipart;

import io.s3multi.webapp.s3.PatternStream;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedUpload;
import software.amazon.awssdk.transfer.s3.model.DownloadRequest;
import software.amazon.awssdk.transfer.s3.model.UploadRequest;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK's transfer manager (S3TransferManager over the Java-based multipart async client with default
 * settings: 8 MiB parts, several in flight, CRC32 checksums) uploads 300 MiB streamed from a generator and reads
 * it back (its multipart download reads the object part by part, {@code GetObject?partNumber=n}); both sides are
 * compared by digest, never held in memory.
 */
class MultipartTransferManagerIT extends MultipartIntegrationTest {

    private static final long SIZE = 300L * 1024 * 1024;
    private static final long PART = 8L * 1024 * 1024;

    @Test
    void threeHundredMibUpAndDownThroughTheTransferManager() throws Exception {
        String bucket = bucket();
        String sent = sha256(new PatternStream(SIZE, 300));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (S3AsyncClient async = S3AsyncClient.builder()
                .endpointOverride(gateway().endpoint())
                .region(Region.of(S3TestGateway.REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY)))
                .multipartEnabled(true)
                .build();
             S3TransferManager transfers = S3TransferManager.builder().s3Client(async).build()) {
            CompletedUpload upload = transfers.upload(UploadRequest.builder()
                    .putObjectRequest(p -> p.bucket(bucket).key("big").contentType("application/x-big"))
                    .requestBody(AsyncRequestBody.fromInputStream(new PatternStream(SIZE, 300), SIZE, reader))
                    .build()).completionFuture().get(10, TimeUnit.MINUTES);
            long parts = (SIZE + PART - 1) / PART;
            assertTrue(upload.response().eTag().endsWith("-" + parts + "\""), upload.response().eTag());

            HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key("big"));
            assertEquals(SIZE, head.contentLength());
            assertEquals(upload.response().eTag(), head.eTag());
            assertEquals("application/x-big", head.contentType());

            ResponseInputStream<GetObjectResponse> back = transfers.download(DownloadRequest.builder()
                    .getObjectRequest(g -> g.bucket(bucket).key("big"))
                    .responseTransformer(AsyncResponseTransformer.<GetObjectResponse>toBlockingInputStream())
                    .build()).completionFuture().get(1, TimeUnit.MINUTES).result();
            assertEquals(sent, sha256(back));

            // Swift holds the parts (nested manifests at 4 segments per manifest), and no upload in progress.
            List<String> names = segmentNames(bucket);
            assertEquals(parts, names.stream().filter(n -> n.startsWith("parts/")).count());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("uploads/") || n.startsWith("claims/")),
                    names.toString());
        } finally {
            reader.shutdownNow();
        }
    }

    private static String sha256(InputStream stream) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(stream, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
