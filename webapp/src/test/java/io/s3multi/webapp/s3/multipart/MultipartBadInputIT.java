package io.s3multi.webapp.s3.multipart;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input gets AWS's error codes. */
class MultipartBadInputIT extends MultipartIntegrationTest {

    /** A client that sends {@code partNumber=<raw>} whatever the request says (rewritten before signing). */
    private static S3Client withRawPartNumber(String raw) {
        ExecutionInterceptor rewrite = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                    ExecutionAttributes executionAttributes) {
                SdkHttpRequest request = context.httpRequest();
                return request.rawQueryParameters().containsKey("partNumber")
                        ? request.toBuilder().putRawQueryParameter("partNumber", raw).build()
                        : request;
            }
        };
        return gateway().s3("test:tester", "testing",
                builder -> builder.overrideConfiguration(c -> c.addExecutionInterceptor(rewrite)));
    }

    @Test
    void partNumbersOutsideOneToTenThousandAreInvalidArgument() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        for (String raw : List.of("0", "10001", "abc", "-1")) {
            S3Exception error = s3Error(() -> withRawPartNumber(raw).uploadPart(b -> b.bucket(bucket).key("k")
                    .uploadId(uploadId).partNumber(1), RequestBody.fromBytes(new byte[10])));
            assertEquals("InvalidArgument", error.awsErrorDetails().errorCode(), raw);
            assertEquals(400, error.statusCode(), raw);
        }
        // Nothing but the marker was stored.
        assertEquals(1, segmentNames(bucket).size());
    }

    @Test
    void unknownUploadIdIsNoSuchUpload() {
        String bucket = bucket();
        for (String uploadId : List.of("0000000000000000000000000a", "not-an-id")) {
            S3Exception part = s3Error(() -> s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                    .partNumber(1), RequestBody.fromBytes(new byte[10])));
            assertEquals("NoSuchUpload", part.awsErrorDetails().errorCode());
            S3Exception complete = s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                    .uploadId(uploadId).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1)
                            .eTag("\"0123456789abcdef0123456789abcdef\"").build()))));
            assertEquals("NoSuchUpload", complete.awsErrorDetails().errorCode());
        }
    }

    @Test
    void completeRefusesWrongEtagsUnsortedPartsSmallPartsAndAnEmptyList() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String small1 = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(randomBytes(100, 1))).eTag();
        String small2 = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(randomBytes(100, 2))).eTag();
        CompletedPart one = CompletedPart.builder().partNumber(1).eTag(small1).build();
        CompletedPart two = CompletedPart.builder().partNumber(2).eTag(small2).build();
        CompletedPart wrong = CompletedPart.builder().partNumber(2)
                .eTag("\"0123456789abcdef0123456789abcdef\"").build();
        CompletedPart missing = CompletedPart.builder().partNumber(3).eTag(small2).build();

        assertEquals("InvalidPart", completeError(bucket, uploadId, List.of(one, wrong)));
        assertEquals("InvalidPart", completeError(bucket, uploadId, List.of(one, missing)));
        assertEquals("InvalidPartOrder", completeError(bucket, uploadId, List.of(two, one)));
        assertEquals("EntityTooSmall", completeError(bucket, uploadId, List.of(one, two)));
        assertEquals("MalformedXML", completeError(bucket, uploadId, List.of()));
        // Every refusal left the upload as it was: marker and both parts, no claim, no object.
        assertEquals(3, segmentNames(bucket).size());
        assertEquals(0, s3().listObjectsV2(b -> b.bucket(bucket)).keyCount());
        // The last part alone may be small.
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(one)));
        assertEquals(List.of("parts/" + uploadId + "/00001"), withoutAttempts(segmentNames(bucket)));
    }

    @Test
    void ifNoneMatchStarRefusesToOverwriteAndLeavesTheUploadUsable() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(new byte[5]));
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String eTag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(randomBytes(100, 1))).eTag();
        CompletedPart part = CompletedPart.builder().partNumber(1).eTag(eTag).build();
        S3Exception refused = s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).ifNoneMatch("*").multipartUpload(m -> m.parts(part))));
        assertEquals("PreconditionFailed", refused.awsErrorDetails().errorCode());
        assertEquals(412, refused.statusCode());
        assertEquals(5, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray().length);
        s3().deleteObject(b -> b.bucket(bucket).key("k"));
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId).ifNoneMatch("*")
                .multipartUpload(m -> m.parts(part)));
        assertEquals(100, s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray().length);
    }

    private static String completeError(String bucket, String uploadId, List<CompletedPart> parts) {
        S3Exception error = s3Error(() -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        assertEquals(400, error.statusCode(), error.awsErrorDetails().errorCode());
        return error.awsErrorDetails().errorCode();
    }
}
