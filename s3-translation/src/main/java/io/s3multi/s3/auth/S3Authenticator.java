package io.s3multi.s3.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates a signed request against a {@link CredentialStore}: look up the access key, then verify time and
 * signature with its secret. This is the whole job of an auth stage whose store knows secrets (tempauth); one
 * that verifies remotely (Keystone) uses {@link SignatureVerifier#checkTime} and the string to sign instead.
 *
 * <p>An access key the store does not know yields {@link Optional#empty()} rather than an error, so that the
 * stage can leave the request to the next auth stage; the last one reports {@code InvalidAccessKeyId}.
 * Thread-safe if the store is.
 *
 * @param <I> the identity type of the store
 */
public final class S3Authenticator<I> {

    /** A request whose signature was made with the secret of {@code identity}'s access key. */
    public record Authenticated<I>(I identity, SignatureVerifier.VerifiedSignature signature) {

        public Authenticated {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(signature, "signature");
        }
    }

    private final CredentialStore<I> store;
    private final SignatureVerifier verifier;

    public S3Authenticator(CredentialStore<I> store, SignatureVerifier verifier) {
        this.store = Objects.requireNonNull(store, "store");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /**
     * @return the identity and verified signature, or empty if the store does not know the access key
     * @throws S3AuthException when the key is known but the request is too old, expired or wrongly signed
     */
    public Optional<Authenticated<I>> authenticate(SignedRequest request) {
        Optional<S3Credential<I>> credential = store.find(request.accessKey());
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        SignatureVerifier.VerifiedSignature verified = verifier.verify(request, credential.get().secret());
        return Optional.of(new Authenticated<>(credential.get().identity(), verified));
    }
}
