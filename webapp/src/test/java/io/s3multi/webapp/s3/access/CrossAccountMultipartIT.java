package io.s3multi.webapp.s3.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Permission;

/**
 * An upload another account starts in a bucket that grants it READ and WRITE shows that account's user as its
 * {@code Initiator} (user ARN and display name) and that account as its {@code Owner}, in ListMultipartUploads
 * and ListParts, whoever lists; the owner's own upload beside it shows the owner's user. The initiator's id is
 * kept on the upload's marker in {@code <bucket>_segments}.
 */
class CrossAccountMultipartIT extends S3IntegrationTest {

    private static final String OTHER_ARN = "arn:aws:iam::AUTH_test2:user/tester2";
    private static final String OWNER_ARN = "arn:aws:iam::AUTH_test:user/tester";

    @Test
    void eachUploadShowsTheUserWhoStartedItWhoeverLists() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        BucketGrants.grantToOtherAccount(s3(), bucket, Permission.READ, Permission.WRITE);
        S3Client tester2 = s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);
        String theirs = tester2.createMultipartUpload(b -> b.bucket(bucket).key("theirs")).uploadId();
        tester2.uploadPart(b -> b.bucket(bucket).key("theirs").uploadId(theirs).partNumber(1),
                RequestBody.fromString("part"));
        String mine = s3().createMultipartUpload(b -> b.bucket(bucket).key("mine")).uploadId();

        for (S3Client lister : List.of(s3(), tester2)) {
            Map<String, MultipartUpload> uploads = new TreeMap<>();
            lister.listMultipartUploads(b -> b.bucket(bucket)).uploads()
                    .forEach(upload -> uploads.put(upload.key(), upload));
            assertEquals(OTHER_ARN + " test2:tester2", shown(uploads.get("theirs").initiator().id(),
                    uploads.get("theirs").initiator().displayName()));
            assertEquals("AUTH_test2", uploads.get("theirs").owner().id());
            assertEquals(OWNER_ARN + " test:tester", shown(uploads.get("mine").initiator().id(),
                    uploads.get("mine").initiator().displayName()));
            assertEquals("AUTH_test", uploads.get("mine").owner().id());
            assertEquals(mine, uploads.get("mine").uploadId());

            ListPartsResponse parts = lister.listParts(b -> b.bucket(bucket).key("theirs").uploadId(theirs));
            assertEquals(OTHER_ARN + " test2:tester2", shown(parts.initiator().id(), parts.initiator().displayName()));
            assertEquals("AUTH_test2", parts.owner().id());
            assertEquals(1, parts.parts().size());
        }
        assertEquals("test2:tester2", s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY)
                .listMultipartUploads(b -> b.bucket(bucket).prefix("theirs")).uploads().get(0).owner().displayName(),
                "the caller's own account is named by the caller");

        String marker = S3TestGateway.objectNames(swift(), bucket + "_segments").stream()
                .filter(name -> name.startsWith("uploads/theirs")).findFirst().orElseThrow();
        assertEquals(OTHER_ARN, java.net.URLDecoder.decode(swift().objects()
                .head(bucket + "_segments", marker, SwiftHeaders.empty())
                .header("X-Object-Meta-S3multi-Initiator-Id"), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String shown(String id, String displayName) {
        return id + " " + displayName;
    }
}
