package io.s3multi.webapp.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.RawResponse;
import io.s3multi.webapp.s3.RawS3;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.S3Tools;
import io.s3multi.webapp.s3.StoredContentType;
import io.s3multi.webapp.s3.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What users do with the WAR once it runs in a real servlet container: Debian's awscli, boto3, s3cmd and rclone
 * up and down, bytes compared, and what Swift stored checked. A subclass deploys the WAR into one container,
 * once for all its tests; each test works in a bucket of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeployedWarTests {

    static final Path WORK = Path.of("target", "deployed-war").toAbsolutePath();
    private static final int MIB = 1024 * 1024;

    /** Keys awscli syncs up and down: spaces, %, +, unicode, a backslash, characters that URLs escape. */
    private static final List<String> AWKWARD_KEYS = List.of("plain.txt", "with space/a b.txt", "100% sure.txt",
            "plus+sign.txt", "ünïcødé/日本語 ß.txt", "back\\slash.txt", "semi;colon&and=equals.txt",
            "tilde~quote'bang!.txt", "hash#brackets[1]{2}.txt", "literal%2Fslash.txt", "%25already.txt");

    private DeployedWar war;
    private SwiftBackend swiftBackend;
    private SwiftAccount swift;
    private S3Tools tools;
    private S3Client s3;
    private Path files;
    private final List<String> buckets = new ArrayList<>();

    /** Deploys the WAR into the container under test, with its work files in a new directory under {@code work}. */
    protected abstract DeployedWar deploy(Path work) throws Exception;

    @BeforeAll
    void deployWar() throws Exception {
        war = deploy(WORK);
        swiftBackend = SwiftBackend.start(SwiftClientConfig.defaults(URI.create(S3TestGateway.SWIFT_URL)));
        swift = swiftBackend.tempAuthAccount(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY);
        tools = new S3Tools(war.endpoint(), S3TestGateway.TESTER, S3TestGateway.TESTER_KEY)
                .withTimeout(Duration.ofMinutes(5));
        files = Files.createTempDirectory(WORK, "files-");
        s3 = S3Client.builder().endpointOverride(war.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3TestGateway.TESTER, S3TestGateway.TESTER_KEY))).build();
    }

    @AfterAll
    void undeploy() throws Exception {
        try {
            if (s3 != null) {
                s3.close();
            }
            if (swiftBackend != null) {
                SwiftAccount registry = swiftBackend.tempAuthAccount(S3TestGateway.REGISTRY_USER,
                        S3TestGateway.REGISTRY_KEY);
                for (String bucket : buckets) {
                    S3TestGateway.deleteContainer(swift, bucket + "_segments");
                    S3TestGateway.deleteContainer(swift, bucket);
                    S3TestGateway.deleteContainer(registry, bucket);
                }
                swiftBackend.close();
            }
            if (files != null) {
                deleteTree(files);
            }
        } finally {
            if (war != null) {
                war.close();
            }
        }
    }

    @Test
    void awscliCopiesOneHundredMibUpAndDownInParts() throws Exception {
        String bucket = newBucket();
        Path big = randomFile("big.bin", 100 * MIB, 100);

        tools.aws("s3", "cp", big.toString(), "s3://" + bucket + "/big.bin").requireSuccess();

        assertEquals("True", swiftHead(bucket, "big.bin").header("X-Static-Large-Object"), "an SLO in Swift");
        List<String> segments = S3TestGateway.objectNames(swift, bucket + "_segments");
        assertEquals(13, segments.size(), "awscli's 8 MiB parts, one segment each: " + segments);
        assertTrue(segments.stream().allMatch(name -> name.startsWith("parts/")), segments.toString());
        Path back = files.resolve("big.back");
        tools.aws("s3", "cp", "s3://" + bucket + "/big.bin", back.toString()).requireSuccess();
        assertEquals(-1, Files.mismatch(big, back), "the bytes that came back");
        Files.delete(back);
        Files.delete(big);
    }

    @Test
    void awscliCopiesASmallFileUpAndDown() throws Exception {
        String bucket = newBucket();
        Path small = randomFile("small.bin", 70_000, 70);

        tools.aws("s3", "cp", small.toString(), "s3://" + bucket + "/small.bin").requireSuccess();

        assertArrayEquals(Files.readAllBytes(small), swiftBytes(bucket, "small.bin"), "what Swift stored");
        Path back = files.resolve("small.back");
        tools.aws("s3", "cp", "s3://" + bucket + "/small.bin", back.toString()).requireSuccess();
        assertEquals(-1, Files.mismatch(small, back));
    }

    @Test
    void awscliSyncsATreeWithAwkwardNamesUpAndDown() throws Exception {
        String bucket = newBucket();
        Path tree = Files.createDirectory(files.resolve("tree"));
        for (String key : AWKWARD_KEYS) {
            Path file = tree.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, ("content of " + key).getBytes(StandardCharsets.UTF_8));
        }

        tools.aws("s3", "sync", tree.toString(), "s3://" + bucket).requireSuccess();

        assertEquals(new TreeSet<>(AWKWARD_KEYS), new TreeSet<>(S3TestGateway.objectNames(swift, bucket)),
                "Swift's object names are the keys");
        for (String key : AWKWARD_KEYS) {
            assertArrayEquals(Files.readAllBytes(tree.resolve(key)), swiftBytes(bucket, key), key);
        }
        ToolResult again = tools.aws("s3", "sync", tree.toString(), "s3://" + bucket).requireSuccess();
        assertEquals("", again.stdout(), "a second sync finds nothing to do");
        Path copy = files.resolve("tree.back");
        tools.aws("s3", "sync", "s3://" + bucket, copy.toString()).requireSuccess();
        for (String key : AWKWARD_KEYS) {
            assertEquals(-1, Files.mismatch(tree.resolve(key), copy.resolve(key)), key);
        }
    }

    @Test
    void aContentTypeWithParametersComesBackByteForByte() throws Exception {
        String bucket = newBucket();
        StoredContentType.assertComesBackAsStored(s3, war.endpoint(), bucket, "spelled.txt");
        assertEquals(StoredContentType.SPELLED, swiftHead(bucket, "spelled.txt").header("Content-Type"));
    }

    /** The README promises {@code //} and {@code %2F} in keys (the container settings it names make them pass). */
    @Test
    void keysWithDoubleSlashesAndEncodedSlashesWork() throws Exception {
        // And keys that look like "." and ".." segments or ";" parameters, which a container normalizes or cuts
        // off the path it maps: the key is the path as the client sent it.
        String bucket = newBucket();
        tools.boto3(String.join("\n",
                "s3 = s3_client()",
                "keys = sorted(['a//b', 'dir/x', 'a;b=c', 'a/../b', 'a/./b', './x', '../x', '..', 'x/.', 'semi;'])",
                "for key in keys:",
                "    s3.put_object(Bucket='" + bucket + "', Key=key, Body=key.encode())",
                "    back = s3.get_object(Bucket='" + bucket + "', Key=key)['Body'].read()",
                "    expect(back == key.encode(), key, back)",
                "listed = [o['Key'] for o in s3.list_objects_v2(Bucket='" + bucket + "')['Contents']]",
                "expect(listed == keys, listed)")).requireSuccess();

        assertArrayEquals("a//b".getBytes(StandardCharsets.UTF_8), swiftBytes(bucket, "a//b"));
        assertArrayEquals("a/../b".getBytes(StandardCharsets.UTF_8), swiftBytes(bucket, "a/../b"));
        assertArrayEquals("a;b=c".getBytes(StandardCharsets.UTF_8), swiftBytes(bucket, "a;b=c"));
        // No tool here sends %2F for a slash in a key, but some clients do: the signed raw request does.
        var get = RawS3.sign(RawS3.get(war.endpoint(), "/" + bucket + "/dir%2Fx"), null, Clock.systemUTC(), o -> { });
        RawResponse answer = RawS3.send(war.port(), get.request(), new byte[0], -1, false);
        assertEquals(200, answer.status(), answer.toString());
        assertEquals("dir/x", answer.body());
    }

    @Test
    void boto3UploadsPartsAndCompletes() throws Exception {
        String bucket = newBucket();
        Path data = randomFile("parts.bin", 6 * MIB + 7, 5);

        tools.boto3(String.join("\n",
                "s3 = s3_client()",
                "data = open('" + data + "', 'rb').read()",
                "up = s3.create_multipart_upload(Bucket='" + bucket + "', Key='parts.bin')['UploadId']",
                "parts = []",
                "for number, start in ((1, 0), (2, 5 * 1024 * 1024)):",
                "    end = min(start + 5 * 1024 * 1024, len(data))",
                "    etag = s3.upload_part(Bucket='" + bucket + "', Key='parts.bin', UploadId=up,",
                "                          PartNumber=number, Body=data[start:end])['ETag']",
                "    parts.append({'PartNumber': number, 'ETag': etag})",
                "done = s3.complete_multipart_upload(Bucket='" + bucket + "', Key='parts.bin', UploadId=up,",
                "                                    MultipartUpload={'Parts': parts})",
                "expect(done['ETag'].endswith('-2\"'), done['ETag'])",
                "back = s3.get_object(Bucket='" + bucket + "', Key='parts.bin')['Body'].read()",
                "expect(back == data, len(back))")).requireSuccess();

        assertArrayEquals(Files.readAllBytes(data), swiftBytes(bucket, "parts.bin"), "what Swift serves");
        assertEquals(2, S3TestGateway.objectNames(swift, bucket + "_segments").size(), "one segment per part");
    }

    @Test
    void s3cmdPutsAndGetsInParts() throws Exception {
        String bucket = newBucket();
        Path data = randomFile("cmd.bin", 12 * MIB + 5, 12);

        tools.s3cmd("put", "--multipart-chunk-size-mb=5", data.toString(), "s3://" + bucket + "/cmd/big.bin")
                .requireSuccess();

        assertEquals("True", swiftHead(bucket, "cmd/big.bin").header("X-Static-Large-Object"));
        assertEquals(3, S3TestGateway.objectNames(swift, bucket + "_segments").size(), "s3cmd's 5 MiB parts");
        Path back = files.resolve("cmd.back");
        tools.s3cmd("get", "s3://" + bucket + "/cmd/big.bin", back.toString()).requireSuccess();
        assertEquals(-1, Files.mismatch(data, back));
    }

    @Test
    void rcloneCopiesAndChecks() throws Exception {
        String bucket = newBucket();
        Path tree = Files.createDirectory(files.resolve("rclone"));
        Files.createDirectories(tree.resolve("sub dir"));
        Files.writeString(tree.resolve("sub dir/ä + b.txt"), "small");
        Files.writeString(tree.resolve("100%.txt"), "percent");
        Files.copy(randomFile("rclone-big.bin", 6 * MIB + 3, 6), tree.resolve("big.bin"));
        Path config = Files.writeString(files.resolve("rclone.conf"), String.join("\n", "[gw]", "type = s3",
                "provider = Other", "endpoint = " + war.endpoint(), "access_key_id = " + S3TestGateway.TESTER,
                "secret_access_key = " + S3TestGateway.TESTER_KEY, "region = " + S3TestGateway.REGION,
                "force_path_style = true", ""));

        rclone(config, "copy", tree.toString(), "gw:" + bucket);
        ToolResult check = rclone(config, "check", tree.toString(), "gw:" + bucket);

        assertTrue(check.stderr().contains("0 differences found"), check.describe());
        assertEquals("True", swiftHead(bucket, "big.bin").header("X-Static-Large-Object"), "rclone's multipart");
        Path back = files.resolve("rclone.back");
        rclone(config, "copy", "gw:" + bucket, back.toString());
        for (String name : List.of("sub dir/ä + b.txt", "100%.txt", "big.bin")) {
            assertEquals(-1, Files.mismatch(tree.resolve(name), back.resolve(name)), name);
        }
    }

    private ToolResult rclone(Path config, String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/rclone", "--config", config.toString(),
                "--s3-upload-cutoff", "5M", "--s3-chunk-size", "5M"));
        command.addAll(List.of(args));
        return tools.run(command, null).requireSuccess();
    }

    private String newBucket() {
        String bucket = S3TestGateway.uniqueBucket();
        buckets.add(bucket);
        // The SDK in this JVM: awscli would cost a Python start per bucket.
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    private Path randomFile(String name, long size, long seed) throws IOException {
        Path file = files.resolve(name);
        var random = new Random(seed);
        byte[] chunk = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
        }
        return file;
    }

    private io.s3multi.swift.SwiftReply swiftHead(String bucket, String key) throws Exception {
        return swift.objects().head(bucket, key, SwiftHeaders.empty());
    }

    private byte[] swiftBytes(String bucket, String key) throws Exception {
        try (SwiftResponse stored = swift.objects().get(bucket, key, SwiftHeaders.empty());
                InputStream body = stored.body()) {
            return body.readAllBytes();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
