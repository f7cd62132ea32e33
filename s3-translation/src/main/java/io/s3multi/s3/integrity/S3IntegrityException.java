package io.s3multi.s3.integrity;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body (or its integrity headers) failed a check that S3 reports with a specific error code.
 *
 * <p>An {@link S3Exception} from the start: its {@link #code()} is a constant of the S3 error table
 * ({@code BadDigest}, {@code XAmzContentSHA256Mismatch}, {@code IncompleteBody}, ...), never a free string, so
 * every failure raised here has its status and renders as itself; {@link #details()} holds the extra elements AWS
 * adds to that error document, in order. The exception is unchecked because it is thrown from
 * {@link java.io.InputStream#read()} on behalf of the client, and must not be mistaken for an I/O failure of the
 * stream underneath: a consumer that copies the stream to Swift sees it as the cause of its failed upload
 * ({@link #findIn(Throwable)}).
 */
public final class S3IntegrityException extends S3Exception {

    private static final long serialVersionUID = 1L;

    private S3IntegrityException(S3ErrorCode code, String message, Map<String, String> details) {
        super(code, message, details);
    }

    /** A checksum or Content-MD5 did not match the bytes received; the message names which. */
    public static S3IntegrityException badDigest(String message) {
        return new S3IntegrityException(S3ErrorCode.BAD_DIGEST, message, Map.of());
    }

    /** The hex SHA-256 in {@code x-amz-content-sha256} did not match the bytes received. */
    public static S3IntegrityException contentSha256Mismatch(String clientComputed, String computed) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ClientComputedContentSHA256", clientComputed);
        details.put("S3ComputedContentSHA256", computed);
        return new S3IntegrityException(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH,
                "The provided 'x-amz-content-sha256' header does not match what was computed.", details);
    }

    /** {@code Content-MD5} is not base64 of 16 bytes. */
    public static S3IntegrityException invalidDigest() {
        return new S3IntegrityException(S3ErrorCode.INVALID_DIGEST, "The Content-MD5 you specified is not valid.",
                Map.of());
    }

    /** The body ended before the announced number of bytes (Content-Length or decoded length). */
    public static S3IntegrityException incompleteBody(long expected, long provided) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("NumberBytesExpected", Long.toString(expected));
        details.put("NumberBytesProvided", Long.toString(provided));
        return new S3IntegrityException(S3ErrorCode.INCOMPLETE_BODY,
                "You did not provide the number of bytes specified by the Content-Length HTTP header.", details);
    }

    /** The body's framing is broken in a way S3 reports as an incomplete body. */
    public static S3IntegrityException incompleteBody(String why) {
        return new S3IntegrityException(S3ErrorCode.INCOMPLETE_BODY, why, Map.of());
    }

    /** A bad or contradictory integrity header, e.g. two {@code x-amz-checksum-*} headers. */
    public static S3IntegrityException invalidRequest(String message) {
        return new S3IntegrityException(S3ErrorCode.INVALID_REQUEST, message, Map.of());
    }

    /** The trailer section of an aws-chunked body is not well formed. */
    public static S3IntegrityException malformedTrailer(String why) {
        return new S3IntegrityException(S3ErrorCode.MALFORMED_TRAILER,
                "The request contained trailing data that was not well-formed or did not conform to our "
                        + "published schema. (" + why + ")", Map.of());
    }

    /** A signed aws-chunked chunk other than the last was smaller than S3's minimum. */
    public static S3IntegrityException invalidChunkSize(int chunkNumber, long badChunkSize) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Chunk", Integer.toString(chunkNumber));
        details.put("BadChunkSize", Long.toString(badChunkSize));
        return new S3IntegrityException(S3ErrorCode.INVALID_CHUNK_SIZE,
                "Only the last chunk is allowed to have a size less than 8192 bytes", details);
    }

    /** A header asks for something S3 has but this gateway does not (e.g. an xxHash checksum). */
    public static S3IntegrityException notImplemented(String message) {
        return new S3IntegrityException(S3ErrorCode.NOT_IMPLEMENTED, message, Map.of());
    }

    /** A length header the body format requires is missing. */
    public static S3IntegrityException missingContentLength(String header) {
        return new S3IntegrityException(S3ErrorCode.MISSING_CONTENT_LENGTH,
                "You must provide the " + header + " HTTP header.", Map.of());
    }

    /** The first {@code S3IntegrityException} in a cause chain, e.g. of a failed upload to Swift. */
    public static java.util.Optional<S3IntegrityException> findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof S3IntegrityException integrity) {
                return java.util.Optional.of(integrity);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return java.util.Optional.empty();
    }
}
