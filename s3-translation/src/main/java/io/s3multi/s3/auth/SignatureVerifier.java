package io.s3multi.s3.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Decides whether a {@link SignedRequest} is valid now and was signed with a given secret.
 *
 * <p>Three steps, usable apart:
 * <ol>
 *   <li>{@link #checkScope(SignedRequest)}: a SigV4 credential scope must name this gateway's region
 *       ({@code AuthorizationHeaderMalformed}, or {@code AuthorizationQueryParametersError} for a presigned URL,
 *       with {@code <Region>} naming the expected one, as AWS answers);</li>
 *   <li>{@link #checkTime(SignedRequest)} needs only the clock: a header-signed request must be within
 *       {@code maxSkew} of now ({@code RequestTimeTooSkewed}); a presigned URL must not have expired
 *       ({@code AccessDenied} "Request has expired") nor be dated further ahead than the skew
 *       ({@code AccessDenied} "Request is not valid yet").</li>
 *   <li>{@link #verify(SignedRequest, SecretAccessKey)} runs both checks, computes the signature with the
 *       secret (HMAC-SHA256 with the derived key for SigV4, HMAC-SHA1 for SigV2) and compares it in constant time
 *       ({@code SignatureDoesNotMatch}).</li>
 * </ol>
 * An auth stage that verifies remotely (Keystone) calls the first two and sends {@link SignedRequest#stringToSign()}
 * away instead of calling the second.
 */
public final class SignatureVerifier {

    /** The region S3 clients sign for when told nothing else. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** S3's allowed difference between the client's clock and ours. */
    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Duration maxSkew;
    private final String region;
    private final SigningKeyCache keys;

    /** @param region the gateway's region, which every SigV4 credential scope must name */
    public SignatureVerifier(Clock clock, Duration maxSkew, String region, SigningKeyCache keys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
        this.region = Objects.requireNonNull(region, "region");
        this.keys = Objects.requireNonNull(keys, "keys");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("negative maxSkew " + maxSkew);
        }
    }

    /** A verifier with S3's 15-minute skew, region us-east-1 and a default key cache. */
    public SignatureVerifier(Clock clock) {
        this(clock, DEFAULT_MAX_SKEW, DEFAULT_REGION, new SigningKeyCache());
    }

    /** The outcome of a successful verification; for SigV4 also the key that signs the body's chunks. */
    public record VerifiedSignature(SignedRequest request, SigningKey sigV4Key) {

        public VerifiedSignature {
            Objects.requireNonNull(request, "request");
        }

        /** The derived SigV4 key, for {@link AwsChunkedInputStream}; empty for SigV2. */
        public java.util.Optional<SigningKey> signingKey() {
            return java.util.Optional.ofNullable(sigV4Key);
        }
    }

    /**
     * Refuses a SigV4 request signed for another region (SigV2 has no scope). AWS names the region it expected,
     * so that a client can correct its configuration.
     *
     * @throws S3AuthException {@code AuthorizationHeaderMalformed} or {@code AuthorizationQueryParametersError}
     */
    public void checkScope(SignedRequest request) {
        if (request instanceof SigV4Request v4 && !v4.scope().region().equals(region)) {
            throw S3AuthException.wrongRegion(v4.scope().region(), region, v4.presigned());
        }
    }

    /**
     * Refuses requests that are too old, too new or expired.
     *
     * @throws S3AuthException {@code RequestTimeTooSkewed} or {@code AccessDenied}
     */
    public void checkTime(SignedRequest request) {
        Instant now = clock.instant();
        if (request.presigned()) {
            if (request.requestTime().isPresent() && request.requestTime().get().isAfter(now.plus(maxSkew))) {
                throw S3AuthException.accessDenied("Request is not valid yet");
            }
            Instant expiresAt = request.expiresAt().orElseThrow();
            if (now.isAfter(expiresAt)) {
                throw S3AuthException.expired(AwsTimestamps.formatIso(expiresAt), AwsTimestamps.formatIso(now));
            }
            return;
        }
        Instant signedAt = request.requestTime().orElseThrow();
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw S3AuthException.requestTimeTooSkewed(AwsTimestamps.formatIso(signedAt),
                    AwsTimestamps.formatIso(now), maxSkew.toMillis());
        }
    }

    /**
     * Checks the scope and the time, then the signature against {@code secret}.
     *
     * @throws S3AuthException {@code AuthorizationHeaderMalformed}, {@code AuthorizationQueryParametersError},
     *                         {@code RequestTimeTooSkewed}, {@code AccessDenied} or {@code SignatureDoesNotMatch}
     */
    public VerifiedSignature verify(SignedRequest request, SecretAccessKey secret) {
        checkScope(request);
        checkTime(request);
        SigningKey key = null;
        String expected;
        if (request instanceof SigV4Request v4) {
            key = keys.get(secret, v4.scope());
            expected = key.sign(v4.stringToSign());
        } else {
            expected = Base64.getEncoder().encodeToString(
                    Hashing.hmac("HmacSHA1", secret.utf8(), request.stringToSign()));
        }
        if (!Hashing.constantTimeEquals(expected, request.signature())) {
            throw S3AuthException.signatureDoesNotMatch(request);
        }
        return new VerifiedSignature(request, key);
    }
}
