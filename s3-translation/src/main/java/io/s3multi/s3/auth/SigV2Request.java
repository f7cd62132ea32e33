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
 */
public final class SigV2Request implements SignedRequest {

    private final String accessKey;
    private final String signature;
    private final String stringToSign;
    private final boolean presigned;
    private final Instant requestTime;
    private final Instant expiresAt;

    SigV2Request(String accessKey, String signature, String stringToSign, boolean presigned, Instant requestTime,
            Instant expiresAt) {
        this.accessKey = Objects.requireNonNull(accessKey);
        this.signature = Objects.requireNonNull(signature);
        this.stringToSign = Objects.requireNonNull(stringToSign);
        this.presigned = presigned;
        this.requestTime = requestTime;
        this.expiresAt = expiresAt;
    }

    @Override
    public String accessKey() {
        return accessKey;
    }

    @Override
    public String signature() {
        return signature;
    }

    @Override
    public String stringToSign() {
        return stringToSign;
    }

    @Override
    public boolean presigned() {
        return presigned;
    }

    @Override
    public Optional<Instant> requestTime() {
        return Optional.ofNullable(requestTime);
    }

    @Override
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
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
