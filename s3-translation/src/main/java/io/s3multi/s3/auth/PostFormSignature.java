package io.s3multi.s3.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The signature a browser upload form carries in its fields, as a {@link SignedRequest} the auth stages' credential
 * stores verify like any other: the string to sign is the form's {@code policy} field (its base64 text, as sent).
 * <ul>
 *   <li>SigV4: {@code x-amz-algorithm} ({@code AWS4-HMAC-SHA256}), {@code x-amz-credential}
 *       ({@code <key>/<yyyymmdd>/<region>/s3/aws4_request}), {@code x-amz-date}, {@code x-amz-signature} (hex
 *       HMAC-SHA256 of the policy with the signing key of that scope);</li>
 *   <li>SigV2: {@code AWSAccessKeyId}, {@code signature} (base64 HMAC-SHA1 of the policy with the secret);</li>
 *   <li>neither: an anonymous form, which needs no policy.</li>
 * </ul>
 * The form is valid until its policy's expiration, as a presigned URL is until its expiry: the form's date is
 * not held to the 15 minutes of clock skew a header-signed request is.
 */
public final class PostFormSignature {

    private PostFormSignature() {
    }

    /**
     * The form's signature, or empty for an anonymous form.
     *
     * @param field      the form's fields by name (without regard to case)
     * @param expiration the policy's expiration
     * @throws S3AuthException {@code InvalidArgument} naming a missing or malformed field, as AWS does
     */
    public static Optional<SignedRequest> of(Function<String, Optional<String>> field, Instant expiration) {
        Optional<String> credential = field.apply("x-amz-credential");
        Optional<String> accessKey = field.apply("AWSAccessKeyId");
        if (credential.isPresent() || field.apply("x-amz-signature").isPresent()) {
            return Optional.of(sigV4(field, expiration));
        }
        if (accessKey.isPresent() || field.apply("signature").isPresent()) {
            return Optional.of(new SigV2Request(required(field, "AWSAccessKeyId"), required(field, "signature"),
                    required(field, "policy"), true, Optional.empty(), Optional.of(expiration)));
        }
        return Optional.empty();
    }

    /**
     * What to show a store that verifies remotely (Keystone's s3tokens) to have it vouch for a request whose
     * signature {@code secret} has just proven right: the request itself, except for a form's SigV4 signature. That
     * one is over the policy, and s3tokens checks SigV4 only over a SigV4 string to sign; it is shown instead as the
     * SigV2 signature of the same text with the same secret, which s3tokens checks.
     */
    public static SignedRequest remoteProof(SignedRequest verified, SecretAccessKey secret) {
        if (!(verified instanceof SigV4Request v4) || !v4.canonicalRequest().isEmpty()) {
            return verified;
        }
        String proof = java.util.Base64.getEncoder().encodeToString(
                Hashing.hmac("HmacSHA1", secret.utf8(), v4.stringToSign()));
        return new SigV2Request(v4.accessKey(), proof, v4.stringToSign(), true, v4.requestTime(), v4.expiresAt());
    }

    private static SignedRequest sigV4(Function<String, Optional<String>> field, Instant expiration) {
        String algorithm = required(field, "x-amz-algorithm");
        if (!algorithm.equals(SigV4Request.ALGORITHM)) {
            throw S3AuthException.invalidArgument("Unsupported algorithm: " + algorithm
                    + "; only AWS4-HMAC-SHA256 is supported.", "x-amz-algorithm", algorithm);
        }
        String amzDate = required(field, "x-amz-date");
        Instant requestTime = AwsTimestamps.parseAmzDate(amzDate);
        if (requestTime == null) {
            throw S3AuthException.invalidArgument("Invalid x-amz-date: " + amzDate, "x-amz-date", amzDate);
        }
        String credentialText = required(field, "x-amz-credential");
        SigV4Parser.Credential credential = SigV4Parser.Credential.parse(credentialText, amzDate,
                "Error parsing the X-Amz-Credential parameter; ",
                message -> S3AuthException.invalidArgument(message, "x-amz-credential", credentialText));
        return SigV4Request.ofPolicy(credential.accessKey(), credential.scope(), amzDate, requestTime,
                required(field, "x-amz-signature"), required(field, "policy"), expiration);
    }

    private static String required(Function<String, Optional<String>> field, String name) {
        return field.apply(name).orElseThrow(() -> S3AuthException.invalidArgument("Bucket POST must contain a field"
                + " named '" + name + "'.  If it is specified, please check the order of the fields.", name, ""));
    }
}
