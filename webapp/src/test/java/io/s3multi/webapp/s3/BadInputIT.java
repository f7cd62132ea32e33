package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Request bodies and keys no well-behaved client sends: each gets the error AWS gives, and Swift is left as it
 * was (no container created, no object stored, none deleted).
 */
class BadInputIT extends S3IntegrationTest {

    @Test
    void createBucketWithMalformedXmlIsMalformedXmlAndCreatesNothing() throws Exception {
        String bucket = uniqueBucket();

        RawResponse answer = sendXml(SdkHttpMethod.PUT, "/" + bucket, "",
                "<CreateBucketConfiguration><LocationConstraint>us-east-1</Location", false);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("MalformedXML", answer.errorCode());
        assertContainerMissing(bucket);
    }

    @Test
    void anExternalEntityInABucketConfigurationIsRefusedAndNeverRead(@TempDir Path directory) throws Exception {
        String bucket = uniqueBucket();
        String secret = "secret-" + java.util.UUID.randomUUID();
        Path secretFile = Files.writeString(directory.resolve("secret.txt"), secret);
        String xxe = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE c [<!ENTITY secret SYSTEM \"file://" + secretFile + "\">]>\n"
                + "<CreateBucketConfiguration><LocationConstraint>&secret;</LocationConstraint>"
                + "</CreateBucketConfiguration>";

        RawResponse answer = sendXml(SdkHttpMethod.PUT, "/" + bucket, "", xxe, false);

        assertEquals(400, answer.status(), answer.toString());
        assertEquals("MalformedXML", answer.errorCode());
        assertFalse(answer.body().contains(secret), "the entity was expanded: " + answer);
        assertContainerMissing(bucket);
    }

    @Test
    void deleteObjectsWithMalformedOrHostileXmlDeletesNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("keep"), RequestBody.fromString("still here"));

        RawResponse malformed = sendXml(SdkHttpMethod.POST, "/" + bucket, "delete",
                "<Delete><Object><Key>keep</Key></Object>", true);
        RawResponse hostile = sendXml(SdkHttpMethod.POST, "/" + bucket, "delete",
                "<!DOCTYPE d [<!ENTITY k \"keep\">]><Delete><Object><Key>&k;</Key></Object></Delete>", true);

        assertEquals("MalformedXML", malformed.errorCode(), malformed.toString());
        assertEquals("MalformedXML", hostile.errorCode(), hostile.toString());
        assertEquals(200, swift().objects().head(bucket, "keep", SwiftHeaders.empty()).status());
    }

    @Test
    void aKeyOverTheLimitIsKeyTooLongErrorAndStoresNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        String longest = "k".repeat(1024);
        String tooLong = "é".repeat(512) + "k";

        S3Exception refused = assertThrows(S3Exception.class, () ->
                s3().putObject(b -> b.bucket(bucket).key(tooLong), RequestBody.fromString("x")));
        s3().putObject(b -> b.bucket(bucket).key(longest), RequestBody.fromString("fits"));

        assertEquals("KeyTooLongError", refused.awsErrorDetails().errorCode());
        assertEquals(400, refused.statusCode());
        var stored = swift().containers().listObjects(bucket, ListingQuery.all()).entries();
        assertEquals(1, stored.size(), "only the 1024-byte key is stored: " + stored);
        assertEquals(longest, stored.get(0).name());
    }

    /** Sends an XML body signed as test:tester (payload hash signed, Content-MD5 when asked). */
    private static RawResponse sendXml(SdkHttpMethod method, String path, String query, String xml, boolean withMd5)
            throws Exception {
        return RawS3.sendXml(gateway(), method, path, query, xml, withMd5);
    }

    private static void assertContainerMissing(String bucket) {
        var missing = assertThrows(SwiftHttpStatusException.class, () -> swift().containers().head(bucket));
        assertEquals(404, missing.status());
    }
}
