package io.s3multi.s3.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.io.EOFException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3FailuresTest {

    private static final S3Request GET_OBJECT =
            new S3RequestParser().parse(new RequestHead("GET", "/photos/cat.jpg", "", Map.of()));

    @Test
    void anS3ErrorIsTheAnswerAsItIs() {
        S3Exception error = S3Exception.noSuchKey("cat.jpg");
        assertSame(error, S3Failures.toS3(error, GET_OBJECT));
    }

    @Test
    void anIntegrityFailureInsideAnAbortedUploadKeepsItsCode() {
        var aborted = new SwiftUploadAbortedException("upload aborted",
                S3IntegrityException.badDigest("The Content-MD5 you specified did not match what we received."));
        S3Exception error = S3Failures.toS3(aborted, GET_OBJECT);
        assertEquals(S3ErrorCode.BAD_DIGEST, error.code());
        assertEquals(400, error.httpStatus());
    }

    @Test
    void aChunkSignatureFailureInsideAnAbortedUploadIsSignatureDoesNotMatchWithItsDetails() {
        var aborted = new SwiftUploadAbortedException("upload aborted",
                S3AuthException.chunkSignatureDoesNotMatch("test:tester"));
        S3Exception error = S3Failures.toS3(aborted, GET_OBJECT);
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, error.code());
        assertEquals(Map.of("AWSAccessKeyId", "test:tester"), error.details());
    }

    @Test
    void aTrailerThatWasNotDeclaredIsMalformedTrailerError() {
        var aborted = new SwiftUploadAbortedException("upload aborted",
                S3IntegrityException.malformedTrailer("x-amz-checksum-sha256 was not declared in x-amz-trailer"));
        S3Exception error = S3Failures.toS3(aborted, GET_OBJECT);
        assertEquals("MalformedTrailerError", error.code().wireCode());
        assertEquals(400, error.httpStatus());
    }

    @Test
    void aShortSignedChunkIsInvalidChunkSizeErrorWithItsDetails() {
        S3Exception error = S3Failures.toS3(S3IntegrityException.invalidChunkSize(1, 100), GET_OBJECT);
        assertEquals("InvalidChunkSizeError", error.code().wireCode());
        assertEquals(403, error.httpStatus());
        assertEquals(Map.of("Chunk", "1", "BadChunkSize", "100"), error.details());
    }

    @Test
    void aClientBodyThatEndsEarlyIsIncompleteBody() {
        var aborted = new SwiftUploadAbortedException("upload aborted", new EOFException("early EOF"));
        assertEquals(S3ErrorCode.INCOMPLETE_BODY, S3Failures.toS3(aborted, GET_OBJECT).code());
    }

    @Test
    void swiftStatusesGoThroughTheMappingTableWithTheRequestsTarget() {
        var missing = new SwiftHttpStatusException("GET", "/v1/AUTH_test/photos/cat.jpg", 404, SwiftHeaders.empty(),
                "");
        S3Exception error = S3Failures.toS3(missing, GET_OBJECT);
        assertEquals(S3ErrorCode.NO_SUCH_KEY, error.code());
        assertEquals("cat.jpg", error.details().get("Key"));
    }

    @Test
    void anythingElseIsAnInternalErrorThatTellsTheClientNothing() {
        S3Exception error = S3Failures.toS3(new IllegalStateException("secret internals"), GET_OBJECT);
        assertEquals(S3ErrorCode.INTERNAL_ERROR, error.code());
        assertEquals(S3ErrorCode.INTERNAL_ERROR.defaultMessage(), error.getMessage());
        assertEquals(Map.of(), error.details());
    }
}
