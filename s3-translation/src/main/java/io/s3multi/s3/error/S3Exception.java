package io.s3multi.s3.error;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An S3 request failed with a code AWS defines; the one exception type every S3 stage throws and renders.
 *
 * <p>An {@code S3Exception} is data with a wire shape: an {@link S3ErrorCode}, the message for {@code <Message>},
 * and an ordered set of detail elements that {@link S3ErrorXml} writes between {@code <Message>} and
 * {@code <RequestId>}, such as {@code <BucketName>} or {@code <ArgumentName>}/{@code <ArgumentValue>}. Build one
 * through the factory named after the code; each factory asks for the context AWS includes, so a caller cannot
 * forget it:
 *
 * <pre>{@code
 * throw S3Exception.noSuchBucket(bucket);
 * throw S3Exception.invalidArgument("max-keys", raw, "Provided max-keys not an integer or within integer range");
 * throw S3Exception.internalError("unexpected Swift status 507", cause);
 * }</pre>
 *
 * <p>Lower layers (authentication, body integrity) raise their failures as thin subclasses named after the layer
 * ({@code S3AuthException}, {@code S3IntegrityException}) with a constant of the same table: they are S3 errors
 * from the start, so there is nothing to translate and no such thing as an unknown code.
 *
 * <p>{@link #reason()} is an optional short token for logs and metrics only ({@link #summary()} is
 * {@code Code.reason}, {@link #metricName()} is {@code status.Code.reason}); it is never sent to the client.
 *
 * <p>Client errors (4xx, 3xx) are expected traffic, so they are created without a stack trace, which would cost
 * time on every missing key and tell nothing the summary does not. Server errors (5xx) keep theirs.
 */
public class S3Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Elements the renderer writes itself; a detail with one of these names would produce a duplicate. */
    private static final Set<String> RESERVED_ELEMENTS = Set.of("Code", "Message", "RequestId", "HostId");
    private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    private static final String PART_NUMBER_MESSAGE = "Part number must be an integer between 1 and 10000, inclusive";

    private final S3ErrorCode code;
    private final Map<String, String> details;
    private final String reason;
    private final Map<String, String> responseHeaders;

    private S3Exception(S3ErrorCode code, String message, Map<String, String> details, String reason,
            Throwable cause) {
        this(code, message, details, reason, cause, Map.of());
    }

    private S3Exception(S3ErrorCode code, String message, Map<String, String> details, String reason,
            Throwable cause, Map<String, String> responseHeaders) {
        this(code, message, details, reason, cause, code.httpStatus() >= 500, responseHeaders);
    }

    private S3Exception(S3ErrorCode code, String message, Map<String, String> details, String reason,
            Throwable cause, boolean writableStackTrace, Map<String, String> responseHeaders) {
        super(message == null ? code.defaultMessage() : message, cause, false, writableStackTrace);
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.reason = reason;
        this.responseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders));
    }

    /**
     * For the lower layers' named failures (authentication, body integrity), which are S3 errors of their own
     * code from the start: thrown where the check fails (often inside a stream's {@code read}), without a stack
     * trace, and rendered as they are. Details with a null value are left out.
     *
     * @throws IllegalArgumentException if a detail name is not a plain XML element name or one the renderer writes
     */
    protected S3Exception(S3ErrorCode code, String message, Map<String, String> details) {
        this(Objects.requireNonNull(code, "code"), message, checked(details), null, null, false, Map.of());
    }

    // ---- generic construction ----

    /** An error with the code's default message and no details. Prefer a named factory when one exists. */
    public static S3Exception of(S3ErrorCode code) {
        return of(code, null);
    }

    /** An error with its own message (the code's default when {@code message} is null) and no details. */
    public static S3Exception of(S3ErrorCode code, String message) {
        return new S3Exception(Objects.requireNonNull(code, "code"), message, Map.of(), null, null);
    }

    /**
     * An error with its own message and detail elements, in order: how a lower layer's typed failure (an auth or
     * integrity exception, which carries its code as a constant of the table) becomes the S3 error.
     *
     * @throws IllegalArgumentException if a detail name is not a plain XML element name or one the renderer writes
     */
    public static S3Exception of(S3ErrorCode code, String message, Map<String, String> details) {
        S3Exception error = of(code, message);
        for (Map.Entry<String, String> detail : details.entrySet()) {
            error = error.with(detail.getKey(), detail.getValue());
        }
        return error;
    }

    /**
     * This error with one more detail element, written after those already present. A detail whose value is
     * null is left out, so optional context can be chained without checks.
     *
     * @throws IllegalArgumentException if the name is not a plain XML element name or is one the renderer writes
     */
    public S3Exception with(String element, Object value) {
        checkElement(Objects.requireNonNull(element, "element"));
        if (value == null) {
            return this;
        }
        var more = new LinkedHashMap<>(details);
        more.put(element, value.toString());
        return new S3Exception(code, getMessage(), more, reason, getCause(), responseHeaders);
    }

    /** This error with a short token that says why, for logs and metrics only (e.g. {@code "expired"}). */
    public S3Exception withReason(String reason) {
        return new S3Exception(code, getMessage(), details, reason, getCause(), responseHeaders);
    }

    /**
     * This error with one more HTTP header on its answer, as AWS sends some beside the error document (a
     * {@code NoSuchKey} whose newest version is a delete marker carries {@code x-amz-delete-marker: true} and
     * {@code x-amz-version-id}). A null value is left out.
     */
    public S3Exception withResponseHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            return this;
        }
        var more = new LinkedHashMap<>(responseHeaders);
        more.put(name, value);
        return new S3Exception(code, getMessage(), details, reason, getCause(), more);
    }

    // ---- one factory per code, with the context AWS puts in the body ----

    public static S3Exception accessDenied() {
        return of(S3ErrorCode.ACCESS_DENIED);
    }

    public static S3Exception accessDenied(String message) {
        return of(S3ErrorCode.ACCESS_DENIED, message);
    }

    public static S3Exception accountProblem() {
        return of(S3ErrorCode.ACCOUNT_PROBLEM);
    }

    public static S3Exception authorizationHeaderMalformed(String message) {
        return of(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, message);
    }

    public static S3Exception authorizationQueryParametersError(String message) {
        return of(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, message);
    }

    /** A request S3 refuses without a more specific code, such as a tag set over its size. */
    public static S3Exception badRequest(String message) {
        return of(S3ErrorCode.BAD_REQUEST, message);
    }

    /** The body did not match its Content-MD5. */
    public static S3Exception badDigest() {
        return of(S3ErrorCode.BAD_DIGEST);
    }

    /** The body did not match a digest; the message names which one (e.g. a CRC32 checksum). */
    public static S3Exception badDigest(String message) {
        return of(S3ErrorCode.BAD_DIGEST, message);
    }

    public static S3Exception bucketAlreadyExists(String bucket) {
        return of(S3ErrorCode.BUCKET_ALREADY_EXISTS).with("BucketName", required(bucket, "bucket"));
    }

    public static S3Exception bucketAlreadyOwnedByYou(String bucket) {
        return of(S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU).with("BucketName", required(bucket, "bucket"));
    }

    public static S3Exception bucketNotEmpty(String bucket) {
        return of(S3ErrorCode.BUCKET_NOT_EMPTY).with("BucketName", required(bucket, "bucket"));
    }

    public static S3Exception entityTooLarge(long proposedSize, long maxSizeAllowed) {
        return of(S3ErrorCode.ENTITY_TOO_LARGE).with("ProposedSize", proposedSize)
                .with("MaxSizeAllowed", maxSizeAllowed);
    }

    /** A part other than the last of a completed upload is below the minimum part size. */
    public static S3Exception entityTooSmall(long proposedSize, long minSizeAllowed, int partNumber, String eTag) {
        return of(S3ErrorCode.ENTITY_TOO_SMALL).with("ProposedSize", proposedSize)
                .with("MinSizeAllowed", minSizeAllowed).with("PartNumber", partNumber).with("ETag", eTag);
    }

    public static S3Exception incompleteBody() {
        return of(S3ErrorCode.INCOMPLETE_BODY);
    }

    /** Something the gateway did not expect; {@code reason} is logged, the client sees AWS's default message. */
    public static S3Exception internalError(String reason) {
        return new S3Exception(S3ErrorCode.INTERNAL_ERROR, null, Map.of(), required(reason, "reason"), null);
    }

    public static S3Exception internalError(String reason, Throwable cause) {
        return new S3Exception(S3ErrorCode.INTERNAL_ERROR, null, Map.of(), required(reason, "reason"), cause);
    }

    public static S3Exception invalidAccessKeyId(String accessKeyId) {
        return of(S3ErrorCode.INVALID_ACCESS_KEY_ID).with("AWSAccessKeyId", required(accessKeyId, "accessKeyId"));
    }

    public static S3Exception invalidArgument(String name, String value, String message) {
        return of(S3ErrorCode.INVALID_ARGUMENT, message).with("ArgumentName", required(name, "name"))
                .with("ArgumentValue", value == null ? "" : value);
    }

    /** A part number outside 1..10000, or not a number; {@code rawValue} is what the client sent. */
    public static S3Exception invalidPartNumber(String rawValue) {
        return invalidArgument("partNumber", rawValue, PART_NUMBER_MESSAGE);
    }

    public static S3Exception invalidBucketName(String bucket) {
        return of(S3ErrorCode.INVALID_BUCKET_NAME).with("BucketName", required(bucket, "bucket"));
    }

    /** The Content-MD5 header is not the base64 of 16 bytes. */
    public static S3Exception invalidDigest(String contentMd5) {
        return of(S3ErrorCode.INVALID_DIGEST).with("Content-MD5", contentMd5 == null ? "" : contentMd5);
    }

    /** A CreateBucket location constraint that is not the region this gateway serves. */
    public static S3Exception invalidLocationConstraint(String locationConstraint) {
        return of(S3ErrorCode.INVALID_LOCATION_CONSTRAINT)
                .with("LocationConstraint", required(locationConstraint, "locationConstraint"));
    }

    public static S3Exception invalidObjectState(String message) {
        return of(S3ErrorCode.INVALID_OBJECT_STATE, message);
    }

    /** A part named in CompleteMultipartUpload is missing or its ETag differs from the stored part's. */
    public static S3Exception invalidPart(String uploadId, int partNumber, String eTag) {
        return of(S3ErrorCode.INVALID_PART).with("UploadId", required(uploadId, "uploadId"))
                .with("PartNumber", partNumber).with("ETag", eTag);
    }

    /**
     * GetObject or HeadObject with a {@code partNumber} the object does not have (a plain object has one part):
     * AWS answers {@code 400 InvalidPart} with its usual message (not the {@code 416 InvalidPartNumber} other S3
     * servers send), and no further elements.
     */
    public static S3Exception partNotInObject() {
        return of(S3ErrorCode.INVALID_PART).withReason("part beyond object");
    }

    public static S3Exception invalidPartOrder() {
        return of(S3ErrorCode.INVALID_PART_ORDER);
    }

    public static S3Exception invalidRange(String rangeRequested, long actualObjectSize) {
        return of(S3ErrorCode.INVALID_RANGE).with("RangeRequested", required(rangeRequested, "rangeRequested"))
                .with("ActualObjectSize", actualObjectSize);
    }

    public static S3Exception invalidRequest(String message) {
        return of(S3ErrorCode.INVALID_REQUEST, required(message, "message"));
    }

    public static S3Exception invalidStorageClass(String storageClassRequested) {
        return of(S3ErrorCode.INVALID_STORAGE_CLASS)
                .with("StorageClassRequested", required(storageClassRequested, "storageClassRequested"));
    }

    public static S3Exception invalidUri(String uri) {
        return of(S3ErrorCode.INVALID_URI).with("URI", required(uri, "uri"));
    }

    /** The key's UTF-8 encoding has {@code size} bytes, more than {@code maxSizeAllowed}. */
    public static S3Exception keyTooLong(int size, int maxSizeAllowed) {
        return of(S3ErrorCode.KEY_TOO_LONG).with("Size", size).with("MaxSizeAllowed", maxSizeAllowed);
    }

    /** A tag that breaks S3's rules (length, characters, duplicate key, reserved prefix). */
    public static S3Exception invalidTag(String message) {
        return of(S3ErrorCode.INVALID_TAG, message);
    }

    /** A bucket policy that is not valid JSON or breaks the policy language's rules; the message names how. */
    public static S3Exception malformedPolicy(String message) {
        return of(S3ErrorCode.MALFORMED_POLICY, required(message, "message"));
    }

    public static S3Exception malformedXml() {
        return of(S3ErrorCode.MALFORMED_XML);
    }

    public static S3Exception maxMessageLengthExceeded(long maxMessageLengthBytes) {
        return of(S3ErrorCode.MAX_MESSAGE_LENGTH_EXCEEDED).with("MaxMessageLengthBytes", maxMessageLengthBytes);
    }

    public static S3Exception metadataTooLarge(int size, int maxSizeAllowed) {
        return of(S3ErrorCode.METADATA_TOO_LARGE).with("Size", size).with("MaxSizeAllowed", maxSizeAllowed);
    }

    /** A limit other than the total size was exceeded; {@code message} says exactly which. */
    public static S3Exception metadataTooLarge(String message, int size, int maxSizeAllowed) {
        return of(S3ErrorCode.METADATA_TOO_LARGE, required(message, "message")).with("Size", size)
                .with("MaxSizeAllowed", maxSizeAllowed);
    }

    /** {@code resourceType} is {@code SERVICE}, {@code BUCKET} or {@code OBJECT}, as AWS writes it. */
    public static S3Exception methodNotAllowed(String method, String resourceType) {
        return of(S3ErrorCode.METHOD_NOT_ALLOWED).with("Method", required(method, "method"))
                .with("ResourceType", required(resourceType, "resourceType"));
    }

    public static S3Exception missingContentLength() {
        return of(S3ErrorCode.MISSING_CONTENT_LENGTH);
    }

    public static S3Exception missingRequestBody() {
        return of(S3ErrorCode.MISSING_REQUEST_BODY);
    }

    public static S3Exception missingSecurityHeader(String headerName) {
        return of(S3ErrorCode.MISSING_SECURITY_HEADER).with("MissingHeaderName", required(headerName, "headerName"));
    }

    public static S3Exception noSuchBucket(String bucket) {
        return of(S3ErrorCode.NO_SUCH_BUCKET).with("BucketName", required(bucket, "bucket"));
    }

    public static S3Exception noSuchKey(String key) {
        return of(S3ErrorCode.NO_SUCH_KEY).with("Key", required(key, "key"));
    }

    /** GetBucketTagging or GetObjectTagging of a resource that has no tags. */
    public static S3Exception noSuchBucketPolicy(String bucket) {
        return of(S3ErrorCode.NO_SUCH_BUCKET_POLICY).with("BucketName", required(bucket, "bucket"));
    }

    public static S3Exception noSuchPublicAccessBlockConfiguration(String bucket) {
        return of(S3ErrorCode.NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION).with("BucketName", required(bucket, "bucket"));
    }

    public static S3Exception noSuchTagSet(String bucket) {
        return of(S3ErrorCode.NO_SUCH_TAG_SET).with("BucketName", required(bucket, "bucket"));
    }

    public static S3Exception noSuchUpload(String uploadId) {
        return of(S3ErrorCode.NO_SUCH_UPLOAD).with("UploadId", required(uploadId, "uploadId"));
    }

    public static S3Exception noSuchVersion(String key, String versionId) {
        return of(S3ErrorCode.NO_SUCH_VERSION).with("Key", required(key, "key"))
                .with("VersionId", required(versionId, "versionId"));
    }

    /** A feature (sub-resource, operation) the gateway does not implement; the message says which. */
    public static S3Exception notImplemented(String message) {
        return of(S3ErrorCode.NOT_IMPLEMENTED, required(message, "message"));
    }

    /** A request header asks for something the gateway does not implement. */
    public static S3Exception notImplementedHeader(String header) {
        return of(S3ErrorCode.NOT_IMPLEMENTED).with("Header", required(header, "header"));
    }

    public static S3Exception notModified() {
        return of(S3ErrorCode.NOT_MODIFIED);
    }

    /** {@code condition} names the header that failed, e.g. {@code If-Match}. */
    public static S3Exception preconditionFailed(String condition) {
        return of(S3ErrorCode.PRECONDITION_FAILED).with("Condition", required(condition, "condition"));
    }

    public static S3Exception requestTimeTooSkewed(String requestTime, String serverTime, long maxAllowedSkewMillis) {
        return of(S3ErrorCode.REQUEST_TIME_TOO_SKEWED).with("RequestTime", required(requestTime, "requestTime"))
                .with("ServerTime", required(serverTime, "serverTime"))
                .with("MaxAllowedSkewMilliseconds", maxAllowedSkewMillis);
    }

    public static S3Exception requestTimeout() {
        return of(S3ErrorCode.REQUEST_TIMEOUT);
    }

    public static S3Exception serviceUnavailable() {
        return of(S3ErrorCode.SERVICE_UNAVAILABLE);
    }

    /**
     * The signature is wrong. AWS returns what it signed so that a client can find the difference;
     * {@code canonicalRequest} is null for signature version 2, which has none.
     */
    public static S3Exception signatureDoesNotMatch(String accessKeyId, String stringToSign, String signatureProvided,
            String canonicalRequest) {
        required(stringToSign, "stringToSign");
        return of(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH).with("AWSAccessKeyId", required(accessKeyId, "accessKeyId"))
                .with("StringToSign", stringToSign)
                .with("SignatureProvided", required(signatureProvided, "signatureProvided"))
                .with("StringToSignBytes", spacedHex(stringToSign))
                .with("CanonicalRequest", canonicalRequest)
                .with("CanonicalRequestBytes", canonicalRequest == null ? null : spacedHex(canonicalRequest));
    }

    public static S3Exception slowDown() {
        return of(S3ErrorCode.SLOW_DOWN);
    }

    public static S3Exception tooManyParts() {
        return of(S3ErrorCode.TOO_MANY_PARTS);
    }

    public static S3Exception unexpectedContent() {
        return of(S3ErrorCode.UNEXPECTED_CONTENT);
    }

    public static S3Exception xAmzContentSha256Mismatch(String clientComputed, String serverComputed) {
        return of(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH)
                .with("ClientComputedContentSHA256", required(clientComputed, "clientComputed"))
                .with("S3ComputedContentSHA256", required(serverComputed, "serverComputed"));
    }

    // ---- reading ----

    public S3ErrorCode code() {
        return code;
    }

    public int httpStatus() {
        return code.httpStatus();
    }

    /** The detail elements in the order they are rendered, by element name. */
    public Map<String, String> details() {
        return details;
    }

    /** The HTTP headers the error's answer carries besides {@code x-amz-request-id}, in the order added. */
    public Map<String, String> responseHeaders() {
        return responseHeaders;
    }

    /** The token for logs and metrics, if the thrower gave one. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** {@code Code} or {@code Code.reason}: what a log line or a counter should say about this failure. */
    public String summary() {
        return reason == null ? code.wireCode() : code.wireCode() + "." + reason;
    }

    /** {@code status.Code[.reason]} with blanks replaced, usable as a metric name. */
    public String metricName() {
        return (code.httpStatus() + "." + summary()).replace(' ', '_');
    }

    @Override
    public String toString() {
        return "S3Exception " + summary() + " (" + code.httpStatus() + "): " + getMessage()
                + (details.isEmpty() ? "" : " " + details);
    }

    private static Map<String, String> checked(Map<String, String> details) {
        var kept = new LinkedHashMap<String, String>();
        details.forEach((element, value) -> {
            checkElement(element);
            if (value != null) {
                kept.put(element, value);
            }
        });
        return kept;
    }

    private static void checkElement(String element) {
        if (!ELEMENT_NAME.matcher(element).matches() || RESERVED_ELEMENTS.contains(element)) {
            throw new IllegalArgumentException("not a usable error detail element: " + element);
        }
    }

    private static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, name);
    }

    /** The UTF-8 bytes of a string as two-digit hex separated by blanks, as AWS shows signed strings. */
    private static String spacedHex(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        var hex = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (hex.length() > 0) {
                hex.append(' ');
            }
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
