package io.s3multi.webapp.s3.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Permission;

/**
 * DeleteObjects authorizes each key on its own, as AWS does: a bucket policy that denies deleting under a prefix
 * holds for a multi-object delete by the owner and by another account that the bucket's ACL lets write. The keys
 * outside the prefix are deleted; each key inside is an {@code AccessDenied} entry of the answer and is still in
 * Swift.
 */
class MultiDeleteAccessIT extends S3IntegrationTest {

    private static final List<String> KEYS = List.of("locked/a", "open/a", "locked/deep/b", "open/b", "lockedness");

    @Test
    void aPolicyDenyOnAPrefixStopsExactlyThoseKeysOfAMultiDelete() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        BucketGrants.grantToOtherAccount(s3(), bucket, Permission.WRITE);
        s3().putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\": \"2012-10-17\", \"Statement\": [{"
                + "\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:DeleteObject\","
                + " \"Resource\": \"arn:aws:s3:::" + bucket + "/locked/*\"}]}"));

        for (var caller : List.of(s3(), s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY))) {
            for (String key : KEYS) {
                s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
            }
            DeleteObjectsResponse answer = deleteAll(caller, bucket);

            assertEquals(List.of("open/a", "open/b", "lockedness"),
                    answer.deleted().stream().map(deleted -> deleted.key()).toList());
            assertEquals(List.of("locked/a AccessDenied Access Denied", "locked/deep/b AccessDenied Access Denied"),
                    answer.errors().stream().map(error -> error.key() + " " + error.code() + " " + error.message())
                            .toList());
            assertEquals(new TreeSet<>(List.of("locked/a", "locked/deep/b")),
                    new TreeSet<>(S3TestGateway.objectNames(swift(), bucket)));
            for (String refused : List.of("locked/a", "locked/deep/b")) {
                assertEquals(200, swift().objects().head(bucket, refused, SwiftHeaders.empty()).status(), refused);
            }
        }
    }

    private static DeleteObjectsResponse deleteAll(S3Client caller, String bucket) {
        return caller.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(KEYS.stream()
                .map(key -> ObjectIdentifier.builder().key(key).build()).toList())));
    }
}
