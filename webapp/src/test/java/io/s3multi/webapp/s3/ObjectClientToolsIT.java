package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.SwiftHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Objects through Debian's awscli and boto3 and through curl with presigned URLs, each result checked in Swift.
 */
class ObjectClientToolsIT extends S3IntegrationTest {

    @Test
    void awscliPutsGetsCopiesAndDeletesMany() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        Path dir = Files.createTempDirectory(Path.of("target"), "awscli-");
        Path upload = Files.writeString(dir.resolve("up.txt"), "uploaded by awscli\n");
        tools().aws("s3", "cp", upload.toString(), "s3://" + bucket + "/cli/up.txt").requireSuccess();
        assertArrayEquals(Files.readAllBytes(upload), ObjectTests.readDirectly(swift(), bucket, "cli/up.txt"));

        Path download = dir.resolve("down.txt");
        tools().aws("s3", "cp", "s3://" + bucket + "/cli/up.txt", download.toString()).requireSuccess();
        assertArrayEquals(Files.readAllBytes(upload), Files.readAllBytes(download));

        tools().aws("s3api", "copy-object", "--bucket", bucket, "--key", "cli/copy.txt", "--copy-source",
                bucket + "/cli/up.txt").requireSuccess();
        assertArrayEquals(Files.readAllBytes(upload), ObjectTests.readDirectly(swift(), bucket, "cli/copy.txt"));

        ToolResult deleted = tools().aws("s3api", "delete-objects", "--bucket", bucket, "--delete",
                "{\"Objects\":[{\"Key\":\"cli/up.txt\"},{\"Key\":\"cli/copy.txt\"}]}").requireSuccess();
        assertTrue(deleted.stdout().contains("cli/copy.txt"), deleted.describe());
        ObjectTests.assertNotInSwift(swift(), bucket, "cli/up.txt");
        ObjectTests.assertNotInSwift(swift(), bucket, "cli/copy.txt");
    }

    @Test
    void boto3PutsGetsCopiesTransfersAndDeletesMany() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        ToolResult result = tools().boto3(String.join("\n",
                "import io, json",
                "s3 = s3_client()",
                "B = '" + bucket + "'",
                "s3.put_object(Bucket=B, Key='boto/a', Body=b'boto3 bytes', ContentType='text/x-boto',",
                "              Metadata={'made-by': 'boto3'})",
                "got = s3.get_object(Bucket=B, Key='boto/a')",
                "expect(got['Body'].read() == b'boto3 bytes')",
                "expect(got['ContentType'] == 'text/x-boto', got['ContentType'])",
                "expect(got['Metadata'] == {'made-by': 'boto3'}, got['Metadata'])",
                "s3.copy_object(Bucket=B, Key='boto/b', CopySource={'Bucket': B, 'Key': 'boto/a'})",
                "s3.upload_fileobj(io.BytesIO(b'x' * 100000), B, 'boto/c')",
                "buf = io.BytesIO()",
                "s3.download_fileobj(B, 'boto/c', buf)",
                "expect(buf.getvalue() == b'x' * 100000)",
                "s3.copy({'Bucket': B, 'Key': 'boto/c'}, B, 'boto/d')",
                "r = s3.delete_objects(Bucket=B, Delete={'Objects': [{'Key': 'boto/a'}, {'Key': 'boto/c'}]})",
                "print(json.dumps(sorted(d['Key'] for d in r['Deleted'])))"));
        result.requireSuccess();
        assertEquals("[\"boto/a\", \"boto/c\"]", result.stdout().strip(), result.describe());
        assertArrayEquals("boto3 bytes".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "boto/b"));
        assertEquals("text/x-boto", swift().objects().head(bucket, "boto/b", SwiftHeaders.empty())
                .header("Content-Type"));
        assertArrayEquals("x".repeat(100000).getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "boto/d"));
        ObjectTests.assertNotInSwift(swift(), bucket, "boto/a");
        ObjectTests.assertNotInSwift(swift(), bucket, "boto/c");
    }

    @Test
    void presignedGetAndPutWorkThroughCurl() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        Path dir = Files.createTempDirectory(Path.of("target"), "presigned-");
        Path upload = Files.writeString(dir.resolve("put.bin"), "sent with a presigned PUT");
        PresignedPutObjectRequest put = presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(bucket).key("presigned/obj")));
        ToolResult putResult = tools().curl("-T", upload.toString(), put.url().toString()).requireSuccess();
        assertTrue(putResult.stdout().contains("HTTP/1.1 200 OK"), putResult.describe());
        assertArrayEquals(Files.readAllBytes(upload), ObjectTests.readDirectly(swift(), bucket, "presigned/obj"));
        // curl sends no Content-Type: S3 stores its default.
        assertEquals("binary/octet-stream", swift().objects().head(bucket, "presigned/obj", SwiftHeaders.empty())
                .header("Content-Type"));

        PresignedGetObjectRequest get = presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(o -> o.bucket(bucket).key("presigned/obj")));
        Path download = dir.resolve("got.bin");
        ToolResult getResult = new S3Tools(gateway().endpoint(), S3TestGateway.TESTER, S3TestGateway.TESTER_KEY)
                .run(java.util.List.of(S3Tools.CURL, "-sS", "-f", "-o", download.toString(), get.url().toString()),
                        null);
        getResult.requireSuccess();
        assertArrayEquals(Files.readAllBytes(upload), Files.readAllBytes(download));
    }
}
