package io.s3multi.s3.auth;

import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.integrity.PayloadExpectations;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.s3.integrity.VerifyingInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The body of an S3 request, ready to be streamed to Swift: decoded if it is aws-chunked, and checked against
 * every signature, hash and checksum the request announced, with the last byte held back until all of them pass.
 *
 * <pre>{@code
 * raw body ─▶ AwsChunkedInputStream (if aws-chunked: framing, chunk and trailer signatures)
 *          ─▶ VerifyingInputStream  (Content-MD5, x-amz-content-sha256, x-amz-checksum-* header or trailer, length)
 *          ─▶ stream()              (copy to Swift with Content-Length = contentLength())
 * }</pre>
 *
 * <p>Open it after the request's signature has been verified. Reading {@link #stream()} to its end is what
 * proves the body; an empty body, which has no last byte to hold back, is proven only by that read returning
 * {@code -1}, so drain it before sending a zero-length object to Swift.
 */
public final class RequestBody {

    private final VerifyingInputStream stream;
    private final long contentLength;
    private final PayloadExpectations expectations;
    private final AwsChunkedInputStream chunked;

    private RequestBody(VerifyingInputStream stream, long contentLength, PayloadExpectations expectations,
            AwsChunkedInputStream chunked) {
        this.stream = stream;
        this.contentLength = contentLength;
        this.expectations = expectations;
        this.chunked = chunked;
    }

    /**
     * Wraps the raw body of a request.
     *
     * @param raw         the body as received (the servlet input stream)
     * @param head        the request head
     * @param signed      the verified signature, or {@code null} for an anonymous request
     * @param signingKey  the SigV4 key from verification, or {@code null} (SigV2, anonymous, or verified remotely;
     *                    then a body with signed chunks is refused as {@code NotImplemented})
     * @param alsoCompute digests wanted beyond those being checked, e.g. MD5 for the ETag
     * @throws S3IntegrityException for bad integrity or framing headers
     * @throws S3AuthException      for a body mode the request's authentication cannot support
     */
    public static RequestBody open(InputStream raw, RequestHead head, SignedRequest signed, SigningKey signingKey,
            Set<DigestAlgorithm> alsoCompute) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(head, "head");
        PayloadMode mode = payloadMode(head, signed);
        if (mode.isAwsChunked()) {
            if (mode.hasSignedChunks() && signingKey == null) {
                throw S3AuthException.notImplemented(
                        "Transferring payloads in multiple chunks using aws-chunked is not supported.");
            }
            SigV4Request v4 = (SigV4Request) signed;
            AwsChunkedInputStream chunked = AwsChunkedInputStream.open(raw, head, v4,
                    mode.hasSignedChunks() ? signingKey : null);
            PayloadExpectations expectations = PayloadExpectations.fromHeaders(head, chunked::trailer);
            return new RequestBody(expectations.verify(chunked, chunked.decodedLength(), alsoCompute),
                    chunked.decodedLength(), expectations, chunked);
        }
        PayloadExpectations expectations = PayloadExpectations.fromHeaders(head, null);
        long length = contentLength(head);
        return new RequestBody(expectations.verify(raw, length, alsoCompute), length, expectations, null);
    }

    private static PayloadMode payloadMode(RequestHead head, SignedRequest signed) {
        if (signed != null) {
            return signed.payloadMode();
        }
        String contentSha256 = head.header("x-amz-content-sha256");
        PayloadMode mode = contentSha256 == null ? PayloadMode.UNSIGNED : PayloadMode.fromContentSha256(contentSha256.trim());
        if (mode.isAwsChunked()) {
            throw S3AuthException.accessDenied("An aws-chunked body needs a SigV4-signed request.");
        }
        return mode;
    }

    private static long contentLength(RequestHead head) {
        String value = head.header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(value.trim());
            return length >= 0 ? length : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The verified body; read it to the end. */
    public InputStream stream() {
        return stream;
    }

    /** The number of bytes {@link #stream()} yields (the decoded length for aws-chunked), or -1 if unknown. */
    public long contentLength() {
        return contentLength;
    }

    /** Whether the body arrived aws-chunked (then {@code aws-chunked} must not be stored as Content-Encoding). */
    public boolean isAwsChunked() {
        return chunked != null;
    }

    /** The {@code x-amz-checksum-*} algorithm the client used, if any. */
    public Optional<DigestAlgorithm> checksumAlgorithm() {
        return expectations.checksumAlgorithm();
    }

    /** A digest over the whole body, once it has been read and verified (see {@link VerifyingInputStream#computed}). */
    public Optional<byte[]> computed(DigestAlgorithm algorithm) {
        return stream.computed(algorithm);
    }

    /** The aws-chunked trailers, once the body has been read and verified; empty for other bodies. */
    public Map<String, String> trailers() {
        return chunked == null ? Map.of() : chunked.trailers();
    }
}
