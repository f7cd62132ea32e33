package io.s3multi.s3.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * An S3 request's claim of who signed it, parsed and canonicalised, but not yet verified.
 *
 * <p>Parsing needs no secret: {@link SignedRequestParser} builds one of these from the request head, including
 * the exact {@link #stringToSign()} the client must have signed. Verification is separate, so that it can happen
 * where the secret is: locally with {@link SignatureVerifier#verify(SignedRequest, SecretAccessKey)}, or remotely
 * (Keystone's {@code /v3/s3tokens} takes the access key, base64 of the string to sign, and the signature).
 */
public sealed interface SignedRequest permits SigV4Request, SigV2Request {

    /** The access key id the client claims, as sent (may contain {@code :}, tempauth style). */
    String accessKey();

    /** The signature the client sent: lower-case hex for SigV4, base64 for SigV2. */
    String signature();

    /** The string the signature must be the HMAC of. */
    String stringToSign();

    /** Whether the credentials came in the query string (a presigned URL) rather than the Authorization header. */
    boolean presigned();

    /** When the client signed; absent for SigV2 presigned URLs, which carry only an expiry. */
    Optional<Instant> requestTime();

    /** When a presigned URL stops being valid; absent for header authentication. */
    Optional<Instant> expiresAt();

    /** How the body must be read and checked ({@link PayloadMode#UNSIGNED} for SigV2). */
    PayloadMode payloadMode();
}
