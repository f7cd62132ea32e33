package io.s3multi.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3 endpoint driven by the AWS SDK for Java v2 sync client (Apache HTTP client).
 *
 * <p>Two client settings: {@link ClientSettings#PLAIN} sends each body with a plain {@code Content-Length}
 * and a signed payload hash and adds checksums only where S3 requires them; Swift's s3api (2.30) rejects
 * anything else, so every S3 target is measured with it for a fair comparison. {@link ClientSettings#SDK_DEFAULTS}
 * is what the SDK does out of the box over http: {@code aws-chunked} bodies with a CRC32 trailer.
 */
final class S3Target implements BenchTarget {

    private static final Logger LOG = LoggerFactory.getLogger(S3Target.class);

    enum ClientSettings { PLAIN, SDK_DEFAULTS }

    private final String name;
    private final String bucket;
    private final S3Client s3;
    private final ProcessGroup gateway;
    private final ProcessGroup proxy;

    S3Target(String name, URI endpoint, String accessKey, String secretKey, ClientSettings settings,
             int connections, String bucket, ProcessGroup gateway, ProcessGroup proxy) {
        this(name, endpoint, accessKey, secretKey, settings, connections, bucket, gateway, proxy, null);
    }

    /** A target over {@code https}, trusting {@code tls}'s certificate (over https the SDK sends UNSIGNED-PAYLOAD). */
    S3Target(String name, URI endpoint, String accessKey, String secretKey, ClientSettings settings,
             int connections, String bucket, ProcessGroup gateway, ProcessGroup proxy, BenchTls tls) {
        this.name = name;
        this.bucket = bucket;
        this.gateway = gateway;
        this.proxy = proxy;
        ApacheHttpClient.Builder http = ApacheHttpClient.builder().maxConnections(connections)
                .socketTimeout(Duration.ofMinutes(5));
        var builder = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(tls == null ? http : http.tlsTrustManagersProvider(tls::trustManagers));
        if (settings == ClientSettings.PLAIN) {
            builder.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        this.s3 = builder.build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProcessGroup gateway() {
        return gateway;
    }

    @Override
    public ProcessGroup proxy() {
        return proxy;
    }

    @Override
    public void prepare() {
        s3.createBucket(b -> b.bucket(bucket));
    }

    @Override
    public void uploadMultipart(String key, Payload payload, long size, long partSize, ExecutorService parallel)
            throws Exception {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<Future<CompletedPart>> pending = new ArrayList<>();
        for (PartPlan part : PartPlan.of(size, partSize)) {
            pending.add(parallel.submit(() -> {
                RequestBody body = RequestBody.fromContentProvider(
                        () -> payload.stream(part.offset(), part.length()), part.length(),
                        "application/octet-stream");
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                        .partNumber(part.number()).contentLength(part.length()), body).eTag();
                return CompletedPart.builder().partNumber(part.number()).eTag(etag).build();
            }));
        }
        List<CompletedPart> parts = new ArrayList<>();
        try {
            for (Future<CompletedPart> f : pending) {
                parts.add(f.get());
            }
        } catch (Exception e) {
            pending.forEach(f -> f.cancel(true));
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        }
        parts.sort(Comparator.comparingInt(CompletedPart::partNumber));
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(u -> u.parts(parts)));
    }

    @Override
    public InputStream open(String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toInputStream());
    }

    @Override
    public void put(String key, byte[] body) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }

    @Override
    public void get(String key) throws Exception {
        try (InputStream in = open(key)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    @Override
    public void head(String key) {
        s3.headObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        try {
            for (MultipartUpload upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: could not list or abort uploads in {}: {}", name, bucket, e.toString());
        }
        try {
            // One DeleteObjects per listing page (at most 1000 keys each).
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
                List<ObjectIdentifier> keys = page.contents().stream()
                        .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
                if (!keys.isEmpty()) {
                    deleteAll(keys);
                }
            }
            s3.deleteBucket(b -> b.bucket(bucket));
        } catch (RuntimeException e) {
            LOG.warn("{}: could not empty and delete bucket {}: {}", name, bucket, e.toString());
        }
        s3.close();
    }

    /** DeleteObjects, or one DeleteObject per key where the endpoint refuses it (s3api wants Content-MD5). */
    private void deleteAll(List<ObjectIdentifier> keys) {
        try {
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
        } catch (S3Exception e) {
            keys.forEach(k -> s3.deleteObject(b -> b.bucket(bucket).key(k.key())));
        }
    }
}
