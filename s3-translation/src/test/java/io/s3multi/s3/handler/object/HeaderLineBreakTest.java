package io.s3multi.s3.handler.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.multipart.CreateUploadRequest;
import io.s3multi.s3.operation.ObjectMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fuzzing finding: a stored header value with a line break (Content-Disposition, Expires, x-amz-meta-*) reached
 * the Swift client, which refuses it with an IllegalArgumentException: a 500. It is the client's
 * {@code InvalidArgument}, for PutObject/CopyObject metadata and for CreateMultipartUpload alike.
 */
class HeaderLineBreakTest {

    private static RequestHead head(String name, String value) {
        return new RequestHead("PUT", "/bucket/key", "", Map.of(name, List.of(value)));
    }

    @ParameterizedTest
    @CsvSource({"Content-Disposition, '\rlue'", "Expires, '\r\n\r\n'", "x-amz-meta-color, 'blue\nX-Delete-At: 1'",
            "Content-Type, 'text/plain\r'"})
    void putObjectMetadataWithALineBreakIsInvalidArgument(String name, String value) {
        S3Exception refused = assertThrows(S3Exception.class, () -> ObjectMetadata.fromRequest(head(name, value)));

        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
        assertEquals(name.toLowerCase(java.util.Locale.ROOT), refused.details().get("ArgumentName"));
    }

    @ParameterizedTest
    @CsvSource({"Cache-Control, 'no-cache\r\nX-Object-Manifest: other/'", "x-amz-meta-color, 'blue\n'",
            "Content-Type, 'text/plain\r'"})
    void createMultipartUploadMetadataWithALineBreakIsInvalidArgument(String name, String value) {
        S3Exception refused = assertThrows(S3Exception.class, () -> CreateUploadRequest.read(head(name, value),
                "key", UploadId.newId(Instant.EPOCH), "tester").markerHeaders());

        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
    }
}
