package io.s3multi.s3.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftUploadAbortedException;
import java.io.EOFException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
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

    @Test
    void aClientBodyThatArrivesTooSlowlyIsRequestTimeout() {
        var slow = new EOFException("early EOF");
        slow.initCause(new TimeoutException("request body arrived below the minimum rate"));
        assertEquals(S3ErrorCode.REQUEST_TIMEOUT, S3Failures.toS3(slow, GET_OBJECT).code());
    }

    @Test
    void aStatusThatMeansAbsentIsAnEmptyAnswerAndAnyOtherIsThrown() throws SwiftException {
        assertEquals(Optional.of("found"), S3Failures.unlessNotFound(() -> "found"));
        assertEquals(Optional.empty(), S3Failures.unlessNotFound(() -> {
            throw status(404);
        }));
        assertEquals(Optional.empty(), S3Failures.unlessStatus(412, () -> {
            throw status(412);
        }));
        SwiftHttpStatusException unavailable = status(503);
        assertSame(unavailable, assertThrows(SwiftHttpStatusException.class, () -> S3Failures.unlessNotFound(() -> {
            throw unavailable;
        })));
        S3Failures.ignoringNotFound(() -> {
            throw status(404);
        });
    }

    @Test
    void swiftStepsRunMappedThrowTheS3ErrorOfTheirTarget() {
        S3Exception error = assertThrows(S3Exception.class, () -> S3Failures.mapped(
                SwiftStatusMapper.Target.bucket("photos"), () -> {
                    throw status(404);
                }));
        assertEquals(S3ErrorCode.NO_SUCH_BUCKET, error.code());
        assertEquals("photos", error.details().get("BucketName"));
    }

    private static SwiftHttpStatusException status(int status) {
        return new SwiftHttpStatusException("HEAD", "/v1/AUTH_test/photos/cat.jpg", status, SwiftHeaders.empty(), "");
    }
}
