package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.S3Tools;
import io.s3multi.webapp.s3.ToolResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Debian's awscli, boto3 and s3cmd against the multipart API. */
class MultipartToolsIT extends MultipartIntegrationTest {

    private static final int MIB = 1024 * 1024;

    private static S3Tools tools() {
        return new S3Tools(gateway().endpoint(), S3TestGateway.TESTER, S3TestGateway.TESTER_KEY)
                .withTimeout(Duration.ofMinutes(5));
    }

    @Test
    void awsS3CpOfOneHundredMibInEightMibParts() throws Exception {
        String bucket = bucket();
        Path dir = Files.createTempDirectory("s3multi-cp");
        Path source = dir.resolve("source.bin");
        Path back = dir.resolve("back.bin");
        try {
            MessageDigest whole = MessageDigest.getInstance("MD5");
            MessageDigest outer = MessageDigest.getInstance("MD5");
            byte[] chunk = new byte[MIB];
            Random random = new Random(100);
            try (OutputStream out = Files.newOutputStream(source)) {
                MessageDigest part = MessageDigest.getInstance("MD5");
                for (int mib = 1; mib <= 100; mib++) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                    whole.update(chunk);
                    part.update(chunk);
                    if (mib % 8 == 0 || mib == 100) {
                        outer.update(part.digest());
                    }
                }
            }
            String expectedEtag = "\"" + HexFormat.of().formatHex(outer.digest()) + "-13\"";
            // awscli reads its multipart settings from the config file of the tool environment.
            String config = "printf '[default]\\ns3 =\\n  multipart_threshold = 8MB\\n  multipart_chunksize = 8MB\\n'"
                    + " > \"$AWS_CONFIG_FILE\" && ";
            ToolResult up = tools().run(List.of("/bin/sh", "-c", config + S3Tools.AWS
                    + " --endpoint-url \"$S3_ENDPOINT\" s3 cp --content-type 'application/x-test; v=1' " + source
                    + " s3://" + bucket + "/big.bin"), null);
            assertTrue(up.succeeded(), up.describe());
            HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key("big.bin"));
            assertEquals(expectedEtag, head.eTag());
            assertEquals(100L * MIB, head.contentLength());
            assertEquals("application/x-test; v=1", head.contentType());
            // awscli's own view: the same ETag and type from head-object, and the listing's ETag equal to it.
            ToolResult headByCli = tools().aws("s3api", "head-object", "--bucket", bucket, "--key", "big.bin");
            assertTrue(headByCli.succeeded(), headByCli.describe());
            String etagJson = "\"ETag\": \"" + expectedEtag.replace("\"", "\\\"") + "\"";
            assertTrue(headByCli.stdout().contains(etagJson), headByCli.stdout());
            assertTrue(headByCli.stdout().contains("\"ContentType\": \"application/x-test; v=1\""),
                    headByCli.stdout());
            ToolResult listByCli = tools().aws("s3api", "list-objects-v2", "--bucket", bucket);
            assertTrue(listByCli.succeeded(), listByCli.describe());
            assertTrue(listByCli.stdout().contains(etagJson), listByCli.stdout());

            ToolResult down = tools().run(List.of("/bin/sh", "-c", config + S3Tools.AWS
                    + " --endpoint-url \"$S3_ENDPOINT\" s3 cp s3://" + bucket + "/big.bin " + back), null);
            assertTrue(down.succeeded(), down.describe());
            MessageDigest read = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(Files.newInputStream(back), read)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            assertEquals(HexFormat.of().formatHex(whole.digest()), HexFormat.of().formatHex(read.digest()));
            // 13 parts, one manifest level below the root at 4 segments per manifest; no marker left.
            List<String> names = segmentNames(bucket);
            assertEquals(13, names.stream().filter(n -> n.startsWith("parts/")).count());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("uploads/") || n.startsWith("claims/")),
                    names.toString());
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(back);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void boto3LowLevelMultipartWithMetadataAndListings() {
        String bucket = bucket();
        ToolResult result = tools().boto3(String.join("\n",
                "import hashlib",
                "s3 = s3_client()",
                "b = '" + bucket + "'",
                "up = s3.create_multipart_upload(Bucket=b, Key='py/obj', ContentType='image/png',",
                "                                Metadata={'origin': 'boto3'})",
                "uid = up['UploadId']",
                "parts = [b'a' * (1024 * 1024), b'b' * 10]",
                "etags = []",
                "for i, body in enumerate(parts, 1):",
                "    etags.append(s3.upload_part(Bucket=b, Key='py/obj', UploadId=uid, PartNumber=i,",
                "                                Body=body)['ETag'])",
                "ups = s3.list_multipart_uploads(Bucket=b, Prefix='py/')['Uploads']",
                "expect([u['UploadId'] for u in ups] == [uid], ups)",
                "listed = s3.list_parts(Bucket=b, Key='py/obj', UploadId=uid)['Parts']",
                "expect([p['ETag'] for p in listed] == etags, listed)",
                "expect([p['Size'] for p in listed] == [1024 * 1024, 10], listed)",
                "done = s3.complete_multipart_upload(Bucket=b, Key='py/obj', UploadId=uid, MultipartUpload={'Parts':",
                "    [{'PartNumber': i, 'ETag': e} for i, e in enumerate(etags, 1)]})",
                "md5s = b''.join(hashlib.md5(p).digest() for p in parts)",
                "expected = '\"%s-2\"' % hashlib.md5(md5s).hexdigest()",
                "expect(done['ETag'] == expected, (done, expected))",
                "got = s3.get_object(Bucket=b, Key='py/obj')",
                "expect(got['Body'].read() == b''.join(parts))",
                "expect(got['Metadata'] == {'origin': 'boto3'}, got['Metadata'])",
                "expect(got['ETag'] == expected)",
                "try:",
                "    s3.abort_multipart_upload(Bucket=b, Key='py/obj', UploadId=uid)",
                "    raise SystemExit('abort after complete succeeded')",
                "except s3.exceptions.NoSuchUpload:",
                "    pass",
                "print('ok')"));
        assertTrue(result.succeeded(), result.describe());
        assertEquals("ok", result.stdout().strip());
    }

    @Test
    void s3cmdPutsInFiveMibPartsGetsListsAndDeletes() throws Exception {
        String bucket = bucket();
        Path dir = Files.createTempDirectory(Path.of("target"), "s3cmd-");
        Path source = Files.write(dir.resolve("source.bin"), randomBytes(23 * MIB + 12345, 23));
        Path back = dir.resolve("back.bin");

        ToolResult up = tools().s3cmd("put", "--multipart-chunk-size-mb=5", source.toString(),
                "s3://" + bucket + "/cmd/big.bin");
        assertTrue(up.succeeded(), up.describe());
        // s3cmd sends 5 MiB parts: 23 MiB and a bit is five of them, the last one short.
        HeadObjectResponse head = s3().headObject(b -> b.bucket(bucket).key("cmd/big.bin"));
        assertTrue(head.eTag().endsWith("-5\""), head.eTag());
        assertEquals(Files.size(source), head.contentLength());
        List<String> names = segmentNames(bucket);
        assertEquals(5, names.stream().filter(n -> n.startsWith("parts/")).count(), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("uploads/") || n.startsWith("claims/")),
                names.toString());

        ToolResult down = tools().s3cmd("get", "s3://" + bucket + "/cmd/big.bin", back.toString());
        assertTrue(down.succeeded(), down.describe());
        assertEquals(md5Hex(Files.readAllBytes(source)), md5Hex(Files.readAllBytes(back)));
        ToolResult listed = tools().s3cmd("ls", "s3://" + bucket + "/cmd/");
        assertTrue(listed.succeeded() && listed.stdout().matches("(?s).*\\s" + Files.size(source) + "\\s+s3://"
                + bucket + "/cmd/big\\.bin\\s*"), listed.describe());

        ToolResult deleted = tools().s3cmd("del", "s3://" + bucket + "/cmd/big.bin");
        assertTrue(deleted.succeeded(), deleted.describe());
        assertEquals(List.of(), segmentNames(bucket));
        assertThrows(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
                () -> s3().headObject(b -> b.bucket(bucket).key("cmd/big.bin")));
    }

    /**
     * {@code aws s3 cp --sse} and {@code --storage-class} of a file above awscli's multipart threshold (8 MiB) ask
     * through CreateMultipartUpload what a smaller file asks through PutObject: both are refused alike (they were
     * kept silently for the large file, which its user then believed encrypted), and nothing is stored.
     */
    @Test
    void awsS3CpOfALargeFileRefusesEncryptionAndStorageClassesAsForASmallOne() throws Exception {
        String bucket = bucket();
        Path dir = Files.createTempDirectory(Path.of("target"), "awscli-sse-");
        Path source = Files.write(dir.resolve("large.bin"), randomBytes(9 * MIB, 9));
        try {
            for (List<String> asked : List.of(List.of("--sse", "AES256"), List.of("--storage-class", "GLACIER"))) {
                List<String> args = new ArrayList<>(List.of("s3", "cp", source.toString(),
                        "s3://" + bucket + "/large.bin"));
                args.addAll(asked);
                ToolResult up = tools().aws(args.toArray(String[]::new));
                assertEquals(1, up.exitCode(), up.describe());
                String code = asked.get(0).equals("--sse") ? "NotImplemented" : "InvalidStorageClass";
                assertTrue(up.stderr().contains("(" + code + ") when calling the CreateMultipartUpload operation"),
                        up.describe());
            }
            assertThrows(SwiftHttpStatusException.class,
                    () -> swift().objects().head(bucket, "large.bin", SwiftHeaders.empty()));
            assertEquals(List.of(), segmentNames(bucket));
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(dir);
        }
    }
}
