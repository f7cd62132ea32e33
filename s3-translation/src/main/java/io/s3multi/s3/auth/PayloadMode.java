package io.s3multi.s3.auth;

/**
 * What {@code x-amz-content-sha256} says about the body of a SigV4 request, and therefore how to read it.
 *
 * <table>
 *   <caption>Modes</caption>
 *   <tr><th>header value</th><th>mode</th><th>body</th></tr>
 *   <tr><td>64 hex digits</td><td>{@link #SHA256}</td><td>plain; its SHA-256 must match</td></tr>
 *   <tr><td>{@code UNSIGNED-PAYLOAD}</td><td>{@link #UNSIGNED}</td><td>plain, not covered by the signature</td></tr>
 *   <tr><td>{@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}</td><td>{@link #STREAMING_SIGNED}</td><td>aws-chunked,
 *       every chunk signed</td></tr>
 *   <tr><td>{@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}</td><td>{@link #STREAMING_SIGNED_TRAILER}</td>
 *       <td>aws-chunked, chunks and trailer signed (AWS SDK v2 default over http)</td></tr>
 *   <tr><td>{@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}</td><td>{@link #STREAMING_UNSIGNED_TRAILER}</td>
 *       <td>aws-chunked, no chunk signatures, checksum trailer (AWS SDK v2 default over https)</td></tr>
 * </table>
 *
 * <p>SigV2 requests and requests without the header are {@link #UNSIGNED} as far as the body goes.
 */
public enum PayloadMode {
    SHA256,
    UNSIGNED,
    STREAMING_SIGNED,
    STREAMING_SIGNED_TRAILER,
    STREAMING_UNSIGNED_TRAILER;

    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final String STREAMING_SIGNED_PAYLOAD = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public static final String STREAMING_SIGNED_PAYLOAD_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public static final String STREAMING_UNSIGNED_PAYLOAD_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /**
     * The mode named by an {@code x-amz-content-sha256} value.
     *
     * @throws S3AuthException {@code InvalidArgument} for an unknown value, {@code NotImplemented} for the SigV4a
     *                         (ECDSA) streaming modes
     */
    public static PayloadMode fromContentSha256(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no x-amz-content-sha256 value");
        }
        switch (value) {
            case UNSIGNED_PAYLOAD:
                return UNSIGNED;
            case STREAMING_SIGNED_PAYLOAD:
                return STREAMING_SIGNED;
            case STREAMING_SIGNED_PAYLOAD_TRAILER:
                return STREAMING_SIGNED_TRAILER;
            case STREAMING_UNSIGNED_PAYLOAD_TRAILER:
                return STREAMING_UNSIGNED_TRAILER;
            default:
                break;
        }
        if (value.startsWith("STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD")) {
            throw S3AuthException.notImplemented("SigV4a (ECDSA) streaming signatures are not supported.");
        }
        if (isHexSha256(value)) {
            return SHA256;
        }
        throw S3AuthException.invalidArgument("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                + "STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, "
                + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.",
                "x-amz-content-sha256", value);
    }

    /** Whether the body is framed as aws-chunked. */
    public boolean isAwsChunked() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    /** Whether every chunk carries a signature chained from the request's signature. */
    public boolean hasSignedChunks() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
    }

    /** Whether the body ends with a trailer section. */
    public boolean hasTrailer() {
        return this == STREAMING_SIGNED_TRAILER || this == STREAMING_UNSIGNED_TRAILER;
    }

    static boolean isHexSha256(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
