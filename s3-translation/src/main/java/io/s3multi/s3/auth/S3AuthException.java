package io.s3multi.s3.auth;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request failed authentication in a way S3 reports with a specific error code.
 *
 * <p>An {@link S3Exception} from the start: its {@link #code()} is a constant of the S3 error table
 * ({@code SignatureDoesNotMatch}, {@code AccessDenied}, {@code AuthorizationHeaderMalformed},
 * {@code AuthorizationQueryParametersError}, {@code RequestTimeTooSkewed}, {@code InvalidArgument},
 * {@code InvalidRequest}, {@code NotImplemented}), never a free string, so every failure raised here has a status
 * and renders as itself, never as an unknown code. {@link #details()} are the extra elements of AWS's error
 * document, in order (for
 * {@code SignatureDoesNotMatch}: {@code AWSAccessKeyId}, {@code StringToSign}, {@code SignatureProvided},
 * {@code CanonicalRequest}). No detail ever contains a secret. {@code InvalidAccessKeyId} is not raised here:
 * whether an access key exists is the credential store's business.
 */
public final class S3AuthException extends S3Exception {

    private static final long serialVersionUID = 1L;

    S3AuthException(S3ErrorCode code, String message, Map<String, String> details) {
        super(code, message, details);
    }

    S3AuthException(S3ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** The signature does not match the one computed with the secret of {@code accessKey}. */
    public static S3AuthException signatureDoesNotMatch(SignedRequest request) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("AWSAccessKeyId", request.accessKey());
        details.put("StringToSign", request.stringToSign());
        details.put("SignatureProvided", request.signature());
        if (request instanceof SigV4Request v4 && !v4.canonicalRequest().isEmpty()) {
            details.put("CanonicalRequest", v4.canonicalRequest());
        }
        return new S3AuthException(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "The request signature we calculated does not match "
                + "the signature you provided. Check your key and signing method.", details);
    }

    /** A chunk or trailer signature of an aws-chunked body does not match. */
    public static S3AuthException chunkSignatureDoesNotMatch(String accessKey) {
        return new S3AuthException(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "The request signature we calculated does not match "
                + "the signature you provided. Check your key and signing method.",
                Map.of("AWSAccessKeyId", accessKey));
    }

    public static S3AuthException accessDenied(String message) {
        return new S3AuthException(S3ErrorCode.ACCESS_DENIED, message);
    }

    /** Headers that S3 requires to be signed were sent unsigned. */
    public static S3AuthException headersNotSigned(List<String> names) {
        return new S3AuthException(S3ErrorCode.ACCESS_DENIED,
                "There were headers present in the request which were not signed",
                Map.of("HeadersNotSigned", String.join(", ", names)));
    }

    public static S3AuthException authorizationHeaderMalformed(String message) {
        return new S3AuthException(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, message);
    }

    public static S3AuthException authorizationQueryParametersError(String message) {
        return new S3AuthException(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, message);
    }

    /**
     * A SigV4 credential scope names another region than the gateway's. AWS answers a header signature with
     * {@code AuthorizationHeaderMalformed} and a presigned URL with {@code AuthorizationQueryParametersError}, both
     * naming the expected region in {@code <Region>}.
     */
    public static S3AuthException wrongRegion(String signedRegion, String expectedRegion, boolean presigned) {
        String wrong = "the region '" + signedRegion + "' is wrong; expecting '" + expectedRegion + "'";
        Map<String, String> details = Map.of("Region", expectedRegion);
        return presigned
                ? new S3AuthException(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                        "Error parsing the X-Amz-Credential parameter; " + wrong, details)
                : new S3AuthException(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED,
                        "The authorization header is malformed; " + wrong, details);
    }

    public static S3AuthException requestTimeTooSkewed(String requestTime, String serverTime, long maxSkewMillis) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("RequestTime", requestTime);
        details.put("ServerTime", serverTime);
        details.put("MaxAllowedSkewMilliseconds", Long.toString(maxSkewMillis));
        return new S3AuthException(S3ErrorCode.REQUEST_TIME_TOO_SKEWED,
                "The difference between the request time and the current time is too large.", details);
    }

    public static S3AuthException expired(String expires, String serverTime) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Expires", expires);
        details.put("ServerTime", serverTime);
        return new S3AuthException(S3ErrorCode.ACCESS_DENIED, "Request has expired", details);
    }

    public static S3AuthException invalidArgument(String message, String argumentName, String argumentValue) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ArgumentName", argumentName);
        details.put("ArgumentValue", argumentValue == null ? "" : argumentValue);
        return new S3AuthException(S3ErrorCode.INVALID_ARGUMENT, message, details);
    }

    public static S3AuthException invalidRequest(String message) {
        return new S3AuthException(S3ErrorCode.INVALID_REQUEST, message);
    }

    public static S3AuthException notImplemented(String message) {
        return new S3AuthException(S3ErrorCode.NOT_IMPLEMENTED, message);
    }
}
