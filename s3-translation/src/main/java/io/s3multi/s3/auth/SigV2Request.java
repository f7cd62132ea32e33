package io.s3multi.s3.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A SigV2-signed request (header {@code Authorization: AWS <key>:<signature>} or a presigned URL with
 * {@code AWSAccessKeyId}, {@code Expires} and {@code Signature}).
 *
 * <p>The signature is base64 of HMAC-SHA1 over {@link #stringToSign()}, keyed with the secret itself:
 *
 * <pre>{@code
 * <METHOD>\n<Content-MD5>\n<Content-Type>\n<Date, empty if x-amz-date is sent, Expires if presigned>\n
 * <x-amz-* headers, lower case, sorted, name:value\n><canonical resource>
 * }</pre>
 *
 * where the canonical resource is {@code /<bucket>} (for a virtual-hosted request), the path as sent, and the
 * sub-resources that select what the request addresses ({@code ?acl}, {@code ?uploadId=...}, ...).
 *
 * @param requestTime absent for a presigned URL, which carries only its expiry
 * @param expiresAt   present only for a presigned URL
 */
public record SigV2Request(String accessKey, String signature, String stringToSign, boolean presigned,
        Optional<Instant> requestTime, Optional<Instant> expiresAt) implements SignedRequest {

    public SigV2Request {
        Objects.requireNonNull(accessKey);
        Objects.requireNonNull(signature);
        Objects.requireNonNull(stringToSign);
        Objects.requireNonNull(requestTime);
        Objects.requireNonNull(expiresAt);
    }

    /** {@code requestTime} and {@code expiresAt} may be null where absent. */
    SigV2Request(String accessKey, String signature, String stringToSign, boolean presigned, Instant requestTime,
            Instant expiresAt) {
        this(accessKey, signature, stringToSign, presigned, Optional.ofNullable(requestTime),
                Optional.ofNullable(expiresAt));
    }

    @Override
    public PayloadMode payloadMode() {
        return PayloadMode.UNSIGNED;
    }

    @Override
    public String toString() {
        return "SigV2Request[" + accessKey + (presigned ? " presigned" : "") + "]";
    }
}
