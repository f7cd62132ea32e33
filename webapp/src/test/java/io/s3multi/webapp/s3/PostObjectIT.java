package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.s3multi.webapp.s3.S3TestGateway.REGION;
import static io.s3multi.webapp.s3.S3TestGateway.TESTER;
import static io.s3multi.webapp.s3.S3TestGateway.TESTER_KEY;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * PostObject, the browser form upload ({@code multipart/form-data} on {@code POST /<bucket>}): a form as a browser
 * sends it, posted by curl from another origin the bucket's CORS rules allow, and boto3's
 * {@code generate_presigned_post}; and each way a form is refused (a
 * condition, an extra field, an expired policy, a wrong signature, a file too large, a wrong checksum) gives AWS's
 * error and leaves nothing in the bucket nor in {@code <bucket>_segments}.
 */
class PostObjectIT extends S3IntegrationTest {


    @Test
    void aBrowserFormPostedByCurlStoresTheFileWithItsFields() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        byte[] file = PostForms.pattern(1024 * 1024);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", "uploads/${filename}");
        fields.put("acl", "private");
        fields.put("Content-Type", "image/png");
        fields.put("Cache-Control", "max-age=60");
        fields.put("x-amz-meta-colour", "blue");
        fields.put("success_action_status", "201");
        fields.put("x-ignore-note", "not in the policy");
        String policy = PostForms.policy(Instant.now().plus(1, ChronoUnit.HOURS), bucket,
                "[\"starts-with\", \"$key\", \"uploads/\"]", "{\"acl\": \"private\"}",
                "[\"starts-with\", \"$Content-Type\", \"image/\"]", "{\"Cache-Control\": \"max-age=60\"}",
                "{\"x-amz-meta-colour\": \"blue\"}", "{\"success_action_status\": \"201\"}",
                "[\"content-length-range\", 1, 2097152]");
        PostForms.signV4(fields, policy, TESTER, TESTER_KEY);
        s3().putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(r -> r
                .allowedOrigins("https://pages.example.com").allowedMethods("POST"))));

        ToolResult posted = postBrowserBody(bucket, fields, "photo.png", file);

        assertTrue(posted.stdout().startsWith("HTTP/1.1 201"), posted.describe());
        assertTrue(posted.stdout().contains("<Key>uploads/photo.png</Key>"), posted.stdout());
        assertTrue(posted.stdout().contains("<Bucket>" + bucket + "</Bucket>"), posted.stdout());
        assertTrue(posted.stdout().contains("Access-Control-Allow-Origin: https://pages.example.com"),
                "the bucket's CORS rule for POST applies: " + posted.stdout());
        SwiftReply stored = swift().objects().head(bucket, "uploads/photo.png", SwiftHeaders.empty());
        assertEquals("image/png", stored.header("Content-Type"));
        assertEquals("max-age=60", stored.header("Cache-Control"));
        assertEquals("blue", stored.header("X-Object-Meta-Colour"));
        assertTrue(posted.stdout().toLowerCase().contains("etag: \"" + stored.etag() + "\""), posted.stdout());
        assertArrayEquals(file, read(bucket, "uploads/photo.png"));
        assertEquals(List.of(), objectsOf(bucket + "_segments"));
    }

    @Test
    void aSigV2FormWithACannedAclRedirectsWithBucketKeyAndEtag() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", "v2.txt");
        fields.put("acl", "public-read");
        fields.put("success_action_redirect", "http://example.com/done?x=1");
        String policy = PostForms.policy(Instant.now().plus(1, ChronoUnit.HOURS), bucket,
                "{\"key\": \"v2.txt\"}", "{\"acl\": \"public-read\"}",
                "[\"starts-with\", \"$success_action_redirect\", \"http://example.com/\"]");
        PostForms.signV2(fields, policy, TESTER, TESTER_KEY);

        ToolResult posted = postBrowserBody(bucket, fields, "v2.txt", "hello".getBytes(StandardCharsets.UTF_8));

        assertTrue(posted.stdout().startsWith("HTTP/1.1 303"), posted.describe());
        String etag = swift().objects().head(bucket, "v2.txt", SwiftHeaders.empty()).etag();
        assertTrue(posted.stdout().contains("Location: http://example.com/done?x=1&bucket=" + bucket
                + "&key=v2.txt&etag=%22" + etag + "%22"), posted.stdout());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), read(bucket, "v2.txt"));
        assertTrue(s3().getObjectAcl(b -> b.bucket(bucket).key("v2.txt")).grants().stream()
                .anyMatch(grant -> "http://acs.amazonaws.com/groups/global/AllUsers".equals(grant.grantee().uri())
                        && grant.permissionAsString().equals("READ")), "the form's acl is the object's");
    }

    @Test
    void boto3GeneratePresignedPostUploadsWithRequests() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        tools().boto3(String.join("\n",
                "import requests",
                "s3 = s3_client(signature_version='s3v4')",
                "post = s3.generate_presigned_post('" + bucket + "', 'boto/${filename}',",
                "    Fields={'x-amz-meta-origin': 'boto3', 'x-amz-checksum-sha256': "
                        + "'LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ='},",
                "    Conditions=[['starts-with', '$key', 'boto/'], {'x-amz-meta-origin': 'boto3'},",
                "                {'x-amz-checksum-sha256': 'LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ='},",
                "                ['content-length-range', 1, 100]], ExpiresIn=600)",
                "r = requests.post(post['url'], data=post['fields'], files={'file': ('hello.txt', b'hello')})",
                "expect(r.status_code == 204, r.status_code, r.text)",
                "got = s3.get_object(Bucket='" + bucket + "', Key='boto/hello.txt')",
                "expect(got['Body'].read() == b'hello')",
                "expect(got['Metadata'] == {'origin': 'boto3'}, got['Metadata'])",
                "r = requests.post(post['url'], data=post['fields'], files={'file': ('other.txt', b'other')})",
                "expect(r.status_code == 400 and '<Code>BadDigest</Code>' in r.text, r.status_code, r.text)"))
                .requireSuccess();
        assertEquals(List.of("boto/hello.txt"), objectsOf(bucket));
        assertEquals(List.of(), objectsOf(bucket + "_segments"));
    }

    @Test
    void eachRefusedFormGetsAwsErrorAndStoresNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        byte[] file = PostForms.pattern(64 * 1024);

        assertRefused(bucket, form(PostForms.policy(later, bucket, "[\"starts-with\", \"$key\", \"user/\"]"),
                        Map.of("key", "other/x")), file, 403, "AccessDenied",
                "Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", \"user/\"]");
        assertRefused(bucket, form(PostForms.policy(later, bucket, "[\"starts-with\", \"$key\", \"\"]"),
                        Map.of("key", "x", "x-amz-meta-extra", "e")), file, 403, "AccessDenied",
                "Invalid according to Policy: Extra input fields: x-amz-meta-extra");
        assertRefused(bucket, form(PostForms.policy(Instant.now().minusSeconds(60), bucket,
                        "[\"starts-with\", \"$key\", \"\"]"), Map.of("key", "x")), file, 403, "AccessDenied",
                "Invalid according to Policy: Policy expired.");
        Map<String, String> wrongSignature = form(PostForms.policy(later, bucket, "[\"starts-with\", \"$key\", \"\"]"),
                Map.of("key", "x"));
        wrongSignature.put("x-amz-signature", "0".repeat(64));
        assertRefused(bucket, wrongSignature, file, 403, "SignatureDoesNotMatch", "");
        assertRefused(bucket, form(PostForms.policy(later, bucket, "[\"starts-with\", \"$key\", \"\"]",
                        "[\"content-length-range\", 1, 1000]"), Map.of("key", "x")), file, 400, "EntityTooLarge",
                "<MaxSizeAllowed>1000</MaxSizeAllowed>");
        assertRefused(bucket, form(PostForms.policy(later, bucket, "[\"starts-with\", \"$key\", \"\"]",
                        "[\"content-length-range\", 100000, 200000]"), Map.of("key", "x")), file, 400,
                "EntityTooSmall", "<MinSizeAllowed>100000</MinSizeAllowed>");
        assertRefused(bucket, form(PostForms.policy(later, bucket, "[\"starts-with\", \"$key\", \"\"]",
                        "[\"starts-with\", \"$x-amz-checksum-crc32\", \"\"]"),
                Map.of("key", "x", "x-amz-checksum-crc32", "AAAAAA==")), file, 400, "BadDigest", "");
        Map<String, String> noKey = form(PostForms.policy(later, bucket), Map.of());
        assertRefused(bucket, noKey, file, 400, "InvalidArgument",
                "Bucket POST must contain a field named 'key'.");

        assertEquals(List.of(), objectsOf(bucket));
        assertEquals(List.of(), objectsOf(bucket + "_segments"));
    }

    private static Map<String, String> form(String policy, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        PostForms.signV4(form, policy, TESTER, TESTER_KEY);
        return form;
    }

    private void assertRefused(String bucket, Map<String, String> fields, byte[] file, int status, String code,
            String detail) throws IOException {
        ToolResult posted = postBrowserBody(bucket, fields, "f.bin", file);
        assertTrue(posted.stdout().startsWith("HTTP/1.1 " + status), posted.describe());
        assertTrue(posted.stdout().contains("<Code>" + code + "</Code>"), posted.stdout());
        String text = posted.stdout().replace("&quot;", "\"").replace("&apos;", "'");
        assertTrue(text.contains(detail), posted.stdout());
    }

    /** The form as a browser encodes it (fields in order, then the file), sent by curl as the raw body. */
    private static ToolResult postBrowserBody(String bucket, Map<String, String> fields, String fileName, byte[] file)
            throws IOException {
        Path body = Files.createTempFile(Path.of("target"), "post-form-", ".bin");
        try {
            Files.write(body, PostForms.browserBody(PostForms.BOUNDARY, fields, fileName, file));
            return tools().curl("-X", "POST", "-H", "Content-Type: multipart/form-data; boundary=" + PostForms.BOUNDARY,
                    "-H", "Expect:", "-H", "Origin: https://pages.example.com", "--data-binary", "@" + body,
                    uri("/" + bucket).toString());
        } finally {
            Files.deleteIfExists(body);
        }
    }

    private static byte[] read(String bucket, String key) throws SwiftException, IOException {
        try (var got = swift().objects().get(bucket, key, SwiftHeaders.empty()); InputStream in = got.body()) {
            return in.readAllBytes();
        }
    }

    private static List<String> objectsOf(String container) throws SwiftException {
        return new ArrayList<>(S3TestGateway.objectNames(swift(), container));
    }
}
