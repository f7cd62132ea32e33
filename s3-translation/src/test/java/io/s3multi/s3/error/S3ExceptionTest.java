package io.s3multi.s3.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3ExceptionTest {

    @Test
    void noSuchBucketCarriesTheBucketName() {
        S3Exception e = S3Exception.noSuchBucket("photos");
        assertEquals(S3ErrorCode.NO_SUCH_BUCKET, e.code());
        assertEquals(404, e.httpStatus());
        assertEquals("The specified bucket does not exist", e.getMessage());
        assertEquals(Map.of("BucketName", "photos"), e.details());
    }

    @Test
    void invalidArgumentKeepsNameBeforeValue() {
        S3Exception e = S3Exception.invalidArgument("max-keys", "-1", "Argument max-keys must be an integer >= 0");
        assertEquals("Argument max-keys must be an integer >= 0", e.getMessage());
        assertEquals(List.of("ArgumentName", "ArgumentValue"), List.copyOf(e.details().keySet()));
        assertEquals("-1", e.details().get("ArgumentValue"));
    }

    @Test
    void invalidPartNumberSaysWhatAwsSays() {
        S3Exception e = S3Exception.invalidPartNumber("0");
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("Part number must be an integer between 1 and 10000, inclusive", e.getMessage());
        assertEquals(Map.of("ArgumentName", "partNumber", "ArgumentValue", "0"), e.details());
    }

    @Test
    void requiredContextCannotBeLeftOut() {
        assertThrows(NullPointerException.class, () -> S3Exception.noSuchKey(null));
        assertThrows(NullPointerException.class, () -> S3Exception.methodNotAllowed("POST", null));
        assertThrows(NullPointerException.class, () -> S3Exception.invalidRequest(null));
    }

    @Test
    void ofWithDetailsKeepsMessageAndDetailsInOrder() {
        var details = new LinkedHashMap<String, String>();
        details.put("Chunk", "1");
        details.put("BadChunkSize", "100");
        S3Exception e = S3Exception.of(S3ErrorCode.INVALID_CHUNK_SIZE, null, details);
        assertEquals(S3ErrorCode.INVALID_CHUNK_SIZE.defaultMessage(), e.getMessage());
        assertEquals(List.of("Chunk", "BadChunkSize"), List.copyOf(e.details().keySet()));
        assertEquals(403, e.httpStatus());
    }

    @Test
    void withAppendsInOrderAndSkipsNullValues() {
        S3Exception e = S3Exception.noSuchKey("a/b").with("Resource", "/photos/a/b").with("VersionId", null);
        assertEquals(List.of("Key", "Resource"), List.copyOf(e.details().keySet()));
    }

    @Test
    void withRefusesNamesTheRendererOwnsOrThatAreNotElementNames() {
        S3Exception e = S3Exception.accessDenied();
        assertThrows(IllegalArgumentException.class, () -> e.with("RequestId", "x"));
        assertThrows(IllegalArgumentException.class, () -> e.with("Code", "x"));
        assertThrows(IllegalArgumentException.class, () -> e.with("Bad Name", "x"));
        assertThrows(IllegalArgumentException.class, () -> e.with("<x>", "x"));
    }

    @Test
    void summaryAndMetricNameIncludeTheReason() {
        S3Exception plain = S3Exception.accessDenied();
        assertEquals("AccessDenied", plain.summary());
        assertEquals("403.AccessDenied", plain.metricName());
        S3Exception explained = S3Exception.accessDenied().withReason("expired presigned url");
        assertEquals("AccessDenied.expired presigned url", explained.summary());
        assertEquals("403.AccessDenied.expired_presigned_url", explained.metricName());
    }

    @Test
    void internalErrorHidesItsReasonFromTheMessageAndKeepsTheCause() {
        var cause = new IOException("connection reset");
        S3Exception e = S3Exception.internalError("swift PUT failed", cause);
        assertEquals("We encountered an internal error. Please try again.", e.getMessage());
        assertSame(cause, e.getCause());
        assertEquals("InternalError.swift PUT failed", e.summary());
    }

    @Test
    void clientErrorsSkipTheStackTraceServerErrorsKeepIt() {
        assertEquals(0, S3Exception.noSuchKey("k").getStackTrace().length);
        assertTrue(S3Exception.internalError("boom").getStackTrace().length > 0);
        assertTrue(S3Exception.slowDown().getStackTrace().length > 0);
    }

    @Test
    void signatureDoesNotMatchShowsWhatWasSignedAsTextAndBytes() {
        S3Exception e = S3Exception.signatureDoesNotMatch("AKID", "AWS4\n", "abc", null);
        assertEquals("41 57 53 34 0a", e.details().get("StringToSignBytes"));
        assertEquals(List.of("AWSAccessKeyId", "StringToSign", "SignatureProvided", "StringToSignBytes"),
                List.copyOf(e.details().keySet()));
        S3Exception v4 = S3Exception.signatureDoesNotMatch("AKID", "s", "abc", "GET\n/");
        assertEquals("47 45 54 0a 2f", v4.details().get("CanonicalRequestBytes"));
    }

    @Test
    void entityTooSmallNamesThePartThatIsTooSmall() {
        S3Exception e = S3Exception.entityTooSmall(100, 5_242_880, 1, "\"etag\"");
        assertEquals(Map.of("ProposedSize", "100", "MinSizeAllowed", "5242880", "PartNumber", "1",
                "ETag", "\"etag\""), e.details());
    }
}
