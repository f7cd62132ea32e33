package io.s3multi.filters.tempauth;

import io.s3multi.filters.auth.CredentialAuthority;
import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.s3.auth.S3Authenticator;
import io.s3multi.s3.auth.S3Credential;
import io.s3multi.s3.auth.SecretAccessKey;
import io.s3multi.s3.auth.SignatureVerifier;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SigningKeyCache;
import io.s3multi.swift.SwiftBackend;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * tempauth's users as a {@link CredentialAuthority}: the secret is the configured key, so the signature is verified
 * here, and the Swift session is obtained from Swift's {@code /auth/v1.0} with the user's own credentials (fetched
 * when first needed and cached by the backend).
 */
final class TempAuthUsers implements CredentialAuthority {

    private final String resellerPrefix;
    private final S3Authenticator<TempAuthUser> authenticator;

    /** @param region the gateway's region, which every SigV4 credential scope must name */
    TempAuthUsers(TempAuthConfig config, String region, Clock clock) {
        this.resellerPrefix = config.resellerPrefix();
        Map<String, S3Credential<TempAuthUser>> credentials = config.users().values().stream()
                .collect(Collectors.toUnmodifiableMap(TempAuthUser::accessKey,
                        user -> new S3Credential<>(user.accessKey(), SecretAccessKey.of(user.key()), user)));
        var verifier = new SignatureVerifier(clock, config.allowableClockSkew(), region, new SigningKeyCache());
        this.authenticator = new S3Authenticator<>(
                accessKey -> Optional.ofNullable(credentials.get(accessKey)), verifier);
    }

    @Override
    public Optional<S3Authentication> authenticate(SignedRequest signed, SwiftBackend swift) {
        return authenticator.authenticate(signed).map(who -> {
            TempAuthUser user = who.identity();
            return new S3Authentication(user.identity(resellerPrefix),
                    swift.tempAuthAccount(user.accessKey(), user.key()), signed,
                    who.signature().signingKey().orElse(null));
        });
    }
}
