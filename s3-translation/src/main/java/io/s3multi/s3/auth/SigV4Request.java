package io.s3multi.s3.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SigV4-signed request (header or presigned URL), with its canonical request and string to sign.
 *
 * <p>The string to sign is {@code AWS4-HMAC-SHA256\n<X-Amz-Date>\n<scope>\n<hex SHA-256 of canonical request>};
 * its signature is keyed with the key derived from the secret and {@link #scope()}. The same key, the
 * {@link #amzDate()}, the scope and this request's {@link #signature()} as seed sign the chunks of an aws-chunked
 * body ({@link ChunkSignatureChain}).
 */
public final class SigV4Request implements SignedRequest {

    /** The only SigV4 algorithm this gateway accepts (SigV4a's ECDSA is not supported). */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private final String accessKey;
    private final CredentialScope scope;
    private final String amzDate;
    private final Instant requestTime;
    private final List<String> signedHeaders;
    private final String signature;
    private final boolean presigned;
    private final long expiresSeconds;
    private final PayloadMode payloadMode;
    private final String canonicalRequest;
    private final String stringToSign;

    SigV4Request(String accessKey, CredentialScope scope, String amzDate, Instant requestTime,
            List<String> signedHeaders, String signature, boolean presigned, long expiresSeconds,
            PayloadMode payloadMode, String canonicalRequest) {
        this(accessKey, scope, amzDate, requestTime, signedHeaders, signature, presigned, expiresSeconds, payloadMode,
                canonicalRequest, ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + Hashing.sha256Hex(canonicalRequest));
    }

    /**
     * A browser form's signature ({@link PostFormSignature}): the string to sign is the form's base64 policy, the
     * body is not signed, and the form is valid, like a presigned URL, from its date until {@code expiresAt}.
     */
    static SigV4Request ofPolicy(String accessKey, CredentialScope scope, String amzDate, Instant requestTime,
            String signature, String policy, Instant expiresAt) {
        return new SigV4Request(accessKey, scope, amzDate, requestTime, List.of(), signature, true,
                java.time.Duration.between(requestTime, expiresAt).getSeconds(), PayloadMode.UNSIGNED, "", policy);
    }

    private SigV4Request(String accessKey, CredentialScope scope, String amzDate, Instant requestTime,
            List<String> signedHeaders, String signature, boolean presigned, long expiresSeconds,
            PayloadMode payloadMode, String canonicalRequest, String stringToSign) {
        this.accessKey = Objects.requireNonNull(accessKey);
        this.scope = Objects.requireNonNull(scope);
        this.amzDate = Objects.requireNonNull(amzDate);
        this.requestTime = Objects.requireNonNull(requestTime);
        this.signedHeaders = List.copyOf(signedHeaders);
        this.signature = Objects.requireNonNull(signature);
        this.presigned = presigned;
        this.expiresSeconds = expiresSeconds;
        this.payloadMode = Objects.requireNonNull(payloadMode);
        this.canonicalRequest = Objects.requireNonNull(canonicalRequest);
        this.stringToSign = Objects.requireNonNull(stringToSign);
    }

    @Override
    public String accessKey() {
        return accessKey;
    }

    /** The credential scope, whose date, region and service key the signature. */
    public CredentialScope scope() {
        return scope;
    }

    /** The timestamp as signed, ISO 8601 basic ({@code 20130524T000000Z}). */
    public String amzDate() {
        return amzDate;
    }

    /** The lower-case names of the signed headers, sorted. */
    public List<String> signedHeaders() {
        return signedHeaders;
    }

    @Override
    public String signature() {
        return signature;
    }

    @Override
    public String stringToSign() {
        return stringToSign;
    }

    /** The canonical request, as AWS shows it in a {@code SignatureDoesNotMatch} error. */
    public String canonicalRequest() {
        return canonicalRequest;
    }

    @Override
    public boolean presigned() {
        return presigned;
    }

    @Override
    public Optional<Instant> requestTime() {
        return Optional.of(requestTime);
    }

    @Override
    public Optional<Instant> expiresAt() {
        return presigned ? Optional.of(requestTime.plusSeconds(expiresSeconds)) : Optional.empty();
    }

    @Override
    public PayloadMode payloadMode() {
        return payloadMode;
    }

    @Override
    public String toString() {
        return "SigV4Request[" + accessKey + " " + scope + (presigned ? " presigned" : "") + " " + payloadMode + "]";
    }
}
