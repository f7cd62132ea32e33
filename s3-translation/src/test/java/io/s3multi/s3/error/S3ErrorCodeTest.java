package io.s3multi.s3.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class S3ErrorCodeTest {

    /**
     * Code and HTTP status as AWS documents them in the S3 API reference, "Error responses", list of error codes.
     * XAmzContentSHA256Mismatch is not in that list but is what S3 answers (400) when a signed payload hash is
     * wrong; TooManyParts is an error shape of the S3 API model; InvalidChunkSizeError (403) and
     * MalformedTrailerError (400) are what S3 answers to a short signed aws-chunked chunk and to a bad trailer;
     * BadRequest (400) is what S3 answers to more than 10 tags on an object or 50 on a bucket.
     * Typed in by hand on purpose: a constant whose status disagrees with AWS fails here, and a new constant must
     * be added here, i.e. checked, to pass.
     */
    private static final Map<String, Integer> AWS_TABLE = Map.ofEntries(
            Map.entry("AccessControlListNotSupported", 400),
            Map.entry("AccessDenied", 403),
            Map.entry("AccessForbidden", 403),
            Map.entry("BadRequest", 400),
            Map.entry("AccountProblem", 403),
            Map.entry("AuthorizationHeaderMalformed", 400),
            Map.entry("AuthorizationQueryParametersError", 400),
            Map.entry("BadDigest", 400),
            Map.entry("BucketAlreadyExists", 409),
            Map.entry("BucketAlreadyOwnedByYou", 409),
            Map.entry("BucketNotEmpty", 409),
            Map.entry("EntityTooLarge", 400),
            Map.entry("EntityTooSmall", 400),
            Map.entry("IncompleteBody", 400),
            Map.entry("InternalError", 500),
            Map.entry("InvalidAccessKeyId", 403),
            Map.entry("InvalidArgument", 400),
            Map.entry("InvalidBucketName", 400),
            Map.entry("InvalidChunkSizeError", 403),
            Map.entry("InvalidDigest", 400),
            Map.entry("InvalidLocationConstraint", 400),
            Map.entry("InvalidObjectState", 403),
            Map.entry("InvalidPart", 400),
            Map.entry("InvalidPolicyDocument", 400),
            Map.entry("InvalidPartNumber", 416),
            Map.entry("InvalidPartOrder", 400),
            Map.entry("InvalidRange", 416),
            Map.entry("InvalidRequest", 400),
            Map.entry("InvalidStorageClass", 400),
            Map.entry("InvalidTag", 400),
            Map.entry("InvalidURI", 400),
            Map.entry("KeyTooLongError", 400),
            Map.entry("MalformedPOSTRequest", 400),
            Map.entry("MalformedTrailerError", 400),
            Map.entry("MaxPostPreDataLengthExceededError", 400),
            Map.entry("MalformedPolicy", 400),
            Map.entry("MalformedXML", 400),
            Map.entry("MalformedACLError", 400),
            Map.entry("OwnershipControlsNotFoundError", 404),
            Map.entry("UnresolvableGrantByEmailAddress", 400),
            Map.entry("MaxMessageLengthExceeded", 400),
            Map.entry("MetadataTooLarge", 400),
            Map.entry("MethodNotAllowed", 405),
            Map.entry("MissingContentLength", 411),
            Map.entry("MissingRequestBodyError", 400),
            Map.entry("MissingSecurityHeader", 400),
            Map.entry("NoSuchBucket", 404),
            Map.entry("NoSuchKey", 404),
            Map.entry("NoSuchTagSet", 404),
            Map.entry("NoSuchBucketPolicy", 404),
            Map.entry("NoSuchPublicAccessBlockConfiguration", 404),
            Map.entry("NoSuchCORSConfiguration", 404),
            Map.entry("NoSuchLifecycleConfiguration", 404),
            Map.entry("NoSuchObjectLockConfiguration", 404),
            Map.entry("ObjectLockConfigurationNotFoundError", 404),
            Map.entry("InvalidBucketState", 409),
            Map.entry("InvalidBucketAclWithObjectOwnership", 400),
            Map.entry("NoSuchUpload", 404),
            Map.entry("NoSuchVersion", 404),
            Map.entry("NotImplemented", 501),
            Map.entry("NotModified", 304),
            Map.entry("PreconditionFailed", 412),
            Map.entry("RequestTimeTooSkewed", 403),
            Map.entry("RequestTimeout", 400),
            Map.entry("ServiceUnavailable", 503),
            Map.entry("SignatureDoesNotMatch", 403),
            Map.entry("SlowDown", 503),
            Map.entry("TooManyParts", 400),
            Map.entry("UnexpectedContent", 400),
            Map.entry("XAmzContentSHA256Mismatch", 400));

    @ParameterizedTest
    @EnumSource(S3ErrorCode.class)
    void everyCodeHasTheWireCodeAndStatusAwsDocuments(S3ErrorCode code) {
        Integer awsStatus = AWS_TABLE.get(code.wireCode());
        assertNotNull(awsStatus, code + " answers " + code.wireCode() + ", which is not in the AWS table");
        assertEquals(awsStatus, code.httpStatus(), code.wireCode());
    }

    @ParameterizedTest
    @EnumSource(S3ErrorCode.class)
    void everyCodeHasADefaultMessage(S3ErrorCode code) {
        assertFalse(code.defaultMessage().isBlank(), code.wireCode());
    }

    @Test
    void theBriefsCodesAreAllPresent() {
        Set<String> wireCodes = Arrays.stream(S3ErrorCode.values()).map(S3ErrorCode::wireCode)
                .collect(Collectors.toSet());
        assertEquals(AWS_TABLE.keySet(), wireCodes);
    }

    @Test
    void wireCodesAreNotDerivedFromConstantNames() {
        assertEquals("KeyTooLongError", S3ErrorCode.KEY_TOO_LONG.wireCode());
        assertEquals("MissingRequestBodyError", S3ErrorCode.MISSING_REQUEST_BODY.wireCode());
        assertEquals("XAmzContentSHA256Mismatch", S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH.wireCode());
        assertEquals("InvalidURI", S3ErrorCode.INVALID_URI.wireCode());
    }

    @ParameterizedTest
    @EnumSource(S3ErrorCode.class)
    void lookupByWireCodeFindsTheConstant(S3ErrorCode code) {
        assertEquals(Optional.of(code), S3ErrorCode.fromWireCode(code.wireCode()));
    }

    @Test
    void lookupIsExactAndKnowsNothingElse() {
        assertTrue(S3ErrorCode.fromWireCode("nosuchbucket").isEmpty());
        assertTrue(S3ErrorCode.fromWireCode("NoSuchWebsiteConfiguration").isEmpty());
        assertTrue(S3ErrorCode.fromWireCode(null).isEmpty());
    }
}
