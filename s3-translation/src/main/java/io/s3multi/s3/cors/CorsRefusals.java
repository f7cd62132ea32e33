package io.s3multi.s3.cors;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;

/** The errors of CORS configuration and preflight, with AWS's codes, messages and detail elements. */
public final class CorsRefusals {

    /** AWS's message, typo included: clients and tests compare it. */
    static final String NOT_ALLOWED = "CORSResponse: This CORS request is not allowed. This is usually because the"
            + " evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers"
            + " are not whitelisted by the resource's CORS spec.";

    private CorsRefusals() {
    }

    /** GetBucketCors of a bucket without a configuration. */
    public static S3Exception noSuchCorsConfiguration(String bucket) {
        return S3Exception.of(S3ErrorCode.NO_SUCH_CORS_CONFIGURATION).with("BucketName", bucket);
    }

    /** A preflight without {@code Origin}. */
    public static S3Exception originMissing() {
        return S3Exception.of(S3ErrorCode.BAD_REQUEST, "Insufficient information. Origin request header needed.");
    }

    /** A preflight without a usable {@code Access-Control-Request-Method}. */
    public static S3Exception invalidRequestMethod(String method) {
        return S3Exception.of(S3ErrorCode.BAD_REQUEST, "Invalid Access-Control-Request-Method: " + method);
    }

    /** A preflight no rule admits. */
    public static S3Exception notAllowed(String method, boolean object) {
        return forbidden(NOT_ALLOWED, method, object);
    }

    /** A preflight to a bucket with no rules (none of its own, no default). */
    public static S3Exception notEnabled(String method, boolean object) {
        return forbidden("CORSResponse: CORS is not enabled for this bucket.", method, object);
    }

    private static S3Exception forbidden(String message, String method, boolean object) {
        return S3Exception.of(S3ErrorCode.ACCESS_FORBIDDEN, message).with("Method", method)
                .with("ResourceType", object ? "OBJECT" : "BUCKET");
    }
}
