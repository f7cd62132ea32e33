package io.s3multi.webapp.s3.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Another account's bucket, uploads and copy sources, tried by test2:tester2 on test:tester's: every multipart
 * operation is 403 AccessDenied, as AWS answers, whether the upload exists or not (a 404 would tell which do), and
 * nothing changes in either account.
 */
class MultipartOtherAccountIT extends S3IntegrationTest {

    private static final String BOGUS_UPLOAD = "00000000000000000000000000";

    private static S3Client outsider() {
        return s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
    }

    private static void assertAccessDenied(String what, Executable call) {
        S3Exception refused = assertThrows(S3Exception.class, call, what);
        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode(), what + ": " + refused.getMessage());
        assertEquals(403, refused.statusCode(), what);
    }

    private static List<String> names(SwiftAccount account, String container) throws Exception {
        return account.containers().listObjects(container, ListingQuery.all()).entries().stream()
                .map(ObjectEntry::name).toList();
    }

    private static void assertNoContainer(SwiftAccount account, String container) {
        var missing = assertThrows(SwiftHttpStatusException.class, () -> account.containers().head(container));
        assertEquals(404, missing.status(), container);
    }

    @Test
    void everyMultipartOperationOnAnotherAccountsBucketIsAccessDenied() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("tester's part"));
        List<String> segmentsBefore = names(swift(), bucket + "_segments");

        for (String id : List.of(uploadId, BOGUS_UPLOAD)) {
            Map<String, Executable> calls = Map.of(
                    "UploadPart", () -> outsider().uploadPart(b -> b.bucket(bucket).key("k").uploadId(id).partNumber(1),
                            RequestBody.fromString("outsider's part")),
                    "ListParts", () -> outsider().listParts(b -> b.bucket(bucket).key("k").uploadId(id)),
                    "CompleteMultipartUpload", () -> outsider().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                            .uploadId(id).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1)
                                    .eTag("\"0123456789abcdef0123456789abcdef\"").build()))),
                    "AbortMultipartUpload", () -> outsider().abortMultipartUpload(b -> b.bucket(bucket).key("k")
                            .uploadId(id)),
                    "UploadPartCopy", () -> outsider().uploadPartCopy(b -> b.destinationBucket(bucket)
                            .destinationKey("k").uploadId(id).partNumber(2).sourceBucket(bucket).sourceKey("k")));
            calls.forEach((name, call) -> assertAccessDenied(name + " of upload " + id, call));
        }
        assertAccessDenied("CreateMultipartUpload",
                () -> outsider().createMultipartUpload(b -> b.bucket(bucket).key("k")));
        assertAccessDenied("ListMultipartUploads", () -> outsider().listMultipartUploads(b -> b.bucket(bucket)));

        assertEquals(segmentsBefore, names(swift(), bucket + "_segments"), "tester's upload is untouched");
        SwiftAccount outsiderAccount = gateway().swift(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
        assertNoContainer(outsiderAccount, bucket);
        assertNoContainer(outsiderAccount, bucket + "_segments");
    }

    @Test
    void copyingAPartFromAnotherAccountsBucketIsAccessDenied() throws Exception {
        String secret = uniqueBucket();
        s3().createBucket(b -> b.bucket(secret));
        s3().putObject(b -> b.bucket(secret).key("private"), RequestBody.fromString("tester's secret"));
        String own = uniqueBucket();
        outsider().createBucket(b -> b.bucket(own));
        String uploadId = outsider().createMultipartUpload(b -> b.bucket(own).key("k")).uploadId();
        Consumer<String> copyFrom = key -> outsider().uploadPartCopy(b -> b.destinationBucket(own).destinationKey("k")
                .uploadId(uploadId).partNumber(1).sourceBucket(secret).sourceKey(key));

        assertAccessDenied("an existing key", () -> copyFrom.accept("private"));
        assertAccessDenied("a missing key", () -> copyFrom.accept("never-there"));

        SwiftAccount outsiderAccount = gateway().swift(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
        assertEquals(1, names(outsiderAccount, own + "_segments").size(), "only the upload's marker, no part");
    }

    @Test
    void aBucketNoAccountHasIsStillNoSuchBucket() {
        String nowhere = uniqueBucket();
        S3Exception refused = assertThrows(S3Exception.class,
                () -> outsider().createMultipartUpload(b -> b.bucket(nowhere).key("k")));
        assertEquals("NoSuchBucket", refused.awsErrorDetails().errorCode());
    }
}
