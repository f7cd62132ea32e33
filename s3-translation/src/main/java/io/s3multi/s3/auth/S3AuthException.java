package io.s3multi.s3.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request failed authentication in a way S3 reports with a specific error code.
 *
 * <p>{@link #code()} is the AWS error code string ({@code SignatureDoesNotMatch}, {@code AccessDenied},
 * {@code AuthorizationHeaderMalformed}, {@code AuthorizationQueryParametersError}, {@code RequestTimeTooSkewed},
 * {@code InvalidArgument}, {@code InvalidRequest}, {@code NotImplemented}); the S3 error table maps it to an HTTP
 * status. {@link #details()} are the extra elements of AWS's error document, in order (for
 * {@code SignatureDoesNotMatch}: {@code AWSAccessKeyId}, {@code StringToSign}, {@code SignatureProvided},
 * {@code CanonicalRequest}). No detail ever contains a secret. {@code InvalidAccessKeyId} is not raised here:
 * whether an access key exists is the credential store's business.
 */
public final class S3AuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final Map<String, String> details;

    S3AuthException(String code, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    S3AuthException(String code, String message) {
        this(code, message, Map.of());
    }

    /** The AWS error code, e.g. {@code SignatureDoesNotMatch}. */
    public String code() {
        return code;
    }

    /** Extra elements of the AWS error document, by element name, in order. */
    public Map<String, String> details() {
        return details;
    }

    /** The signature does not match the one computed with the secret of {@code accessKey}. */
    public static S3AuthException signatureDoesNotMatch(SignedRequest request) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("AWSAccessKeyId", request.accessKey());
        details.put("StringToSign", request.stringToSign());
        details.put("SignatureProvided", request.signature());
        if (request instanceof SigV4Request v4) {
            details.put("CanonicalRequest", v4.canonicalRequest());
        }
        return new S3AuthException("SignatureDoesNotMatch", "The request signature we calculated does not match "
                + "the signature you provided. Check your key and signing method.", details);
    }

    /** A chunk or trailer signature of an aws-chunked body does not match. */
    public static S3AuthException chunkSignatureDoesNotMatch(String accessKey) {
        return new S3AuthException("SignatureDoesNotMatch", "The request signature we calculated does not match "
                + "the signature you provided. Check your key and signing method.", Map.of("AWSAccessKeyId", accessKey));
    }

    public static S3AuthException accessDenied(String message) {
        return new S3AuthException("AccessDenied", message);
    }

    /** Headers that S3 requires to be signed were sent unsigned. */
    public static S3AuthException headersNotSigned(List<String> names) {
        return new S3AuthException("AccessDenied", "There were headers present in the request which were not signed",
                Map.of("HeadersNotSigned", String.join(", ", names)));
    }

    public static S3AuthException authorizationHeaderMalformed(String message) {
        return new S3AuthException("AuthorizationHeaderMalformed", message);
    }

    public static S3AuthException authorizationQueryParametersError(String message) {
        return new S3AuthException("AuthorizationQueryParametersError", message);
    }

    public static S3AuthException requestTimeTooSkewed(String requestTime, String serverTime, long maxSkewMillis) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("RequestTime", requestTime);
        details.put("ServerTime", serverTime);
        details.put("MaxAllowedSkewMilliseconds", Long.toString(maxSkewMillis));
        return new S3AuthException("RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large.", details);
    }

    public static S3AuthException expired(String expires, String serverTime) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Expires", expires);
        details.put("ServerTime", serverTime);
        return new S3AuthException("AccessDenied", "Request has expired", details);
    }

    public static S3AuthException invalidArgument(String message, String argumentName, String argumentValue) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ArgumentName", argumentName);
        details.put("ArgumentValue", argumentValue == null ? "" : argumentValue);
        return new S3AuthException("InvalidArgument", message, details);
    }

    public static S3AuthException invalidRequest(String message) {
        return new S3AuthException("InvalidRequest", message);
    }

    public static S3AuthException notImplemented(String message) {
        return new S3AuthException("NotImplemented", message);
    }

    @Override
    public String toString() {
        return "S3AuthException[" + code + ": " + getMessage() + "]";
    }
}
