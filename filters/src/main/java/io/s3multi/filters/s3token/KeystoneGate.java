package io.s3multi.filters.s3token;

import io.s3multi.filters.s3token.KeystoneVerdict.Refused;
import io.s3multi.filters.s3token.KeystoneVerdict.Unknown;
import io.s3multi.filters.s3token.KeystoneVerdict.Vouched;
import io.s3multi.s3.auth.PostFormSignature;
import io.s3multi.s3.auth.SecretAccessKey;
import io.s3multi.s3.auth.SignatureVerifier;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.error.S3Exception;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Keystone user of a signed request's access key, asking Keystone as rarely as the answers allow.
 *
 * <p>Three things are remembered, each for a bounded time:
 * <ul>
 *   <li>a key Keystone vouched for (user, roles, secret): {@code cache_ttl}; its requests are verified here;</li>
 *   <li>a key Keystone does not know (404): {@code negative_cache_ttl}; its requests pass on at once (a later
 *       stage may know the key, otherwise {@code InvalidAccessKeyId});</li>
 *   <li>a key whose signature Keystone refused (401), with its secret: {@code negative_cache_ttl}. A wrong
 *       signature on it is {@code SignatureDoesNotMatch} at once, checked here with the secret. A <em>right</em>
 *       signature is never refused because of a wrong one cached before: it is taken to Keystone to be vouched for
 *       at once (the real user is not locked out by someone else's wrong guesses). Only when Keystone refuses a
 *       signature the secret proves right (user, project or role disabled) is that remembered too, and the key's
 *       right signatures get {@code AccessDenied} for the rest of {@code negative_cache_ttl}: a user enabled again
 *       waits at most that long.</li>
 * </ul>
 * A wrong signature on a real key thus costs Keystone two requests (s3tokens, the secret) per
 * {@code negative_cache_ttl}, not two per request; an unknown key one. The exchanges themselves go through
 * {@link KeystoneFlights}: concurrent requests about one key share one, and their number is capped.
 */
final class KeystoneGate {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoneGate.class);

    private final KeystoneClient keystone;
    private final SignatureVerifier verifier;
    private final CredentialCache credentials;
    private final ExpiringCache<KeystoneVerdict> refusals;
    private final KeystoneFlights flights;
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();

    KeystoneGate(KeystoneClient keystone, SignatureVerifier verifier, CredentialCache credentials,
            ExpiringCache<KeystoneVerdict> refusals, KeystoneFlights flights) {
        this.keystone = keystone;
        this.verifier = verifier;
        this.credentials = credentials;
        this.refusals = refusals;
        this.flights = flights;
    }

    /**
     * The user Keystone vouches for as owner of {@code signed}'s access key, or empty when Keystone does not know
     * the key. The request's own signature is checked by the caller with the user's secret.
     *
     * @throws S3Exception             {@code AccessDenied} (Keystone refuses a right signature),
     *                                 {@code ServiceUnavailable} or {@code SlowDown} (Keystone unavailable or busy),
     *                                 {@code InternalError} (Keystone refuses the gateway's own user)
     * @throws io.s3multi.s3.auth.S3AuthException a signature the refused key's secret proves wrong
     */
    Optional<KeystoneUser> userFor(SignedRequest signed) {
        String accessKey = signed.accessKey();
        Optional<KeystoneUser> vouched = credentials.find(accessKey);
        if (vouched.isPresent()) {
            cacheHits.increment();
            return vouched;
        }
        cacheMisses.increment();
        KeystoneVerdict verdict = refusals.find(accessKey)
                .orElseGet(() -> flights.join(accessKey, false, () -> ask(signed)));
        for (int refusal = 0; ; refusal++) {
            if (verdict instanceof Vouched known) {
                return Optional.of(known.user());
            }
            if (verdict instanceof Unknown) {
                return Optional.empty();
            }
            Refused refused = (Refused) verdict;
            verifier.verify(signed, refused.secret());   // a wrong signature ends here: SignatureDoesNotMatch
            if (refused.rightSignatureRefused() || refusal > 0) {
                throw S3Exception.accessDenied("Keystone refuses this credential (user or project disabled, "
                        + "or no role)");
            }
            // Keystone refused another signature of this key (or ours, with a gateway token it no longer took):
            // ours is right, so Keystone is asked to vouch for it.
            verdict = flights.join(accessKey, true, () -> vouch(signed, refused.secret()));
        }
    }

    /** Requests whose key was found in the credential cache: Keystone was not asked. */
    long cacheHits() {
        return cacheHits.sum();
    }

    /** Requests whose key was not in the credential cache (the negative cache or Keystone decided). */
    long cacheMisses() {
        return cacheMisses.sum();
    }

    /** Keystone's verdict on a key nobody asked about lately. */
    private KeystoneVerdict ask(SignedRequest signed) {
        return askKeystone(signed, () -> refusedWithSecret(signed));
    }

    /** Keystone's verdict on a signature {@code secret} proved right. */
    private KeystoneVerdict vouch(SignedRequest signed, SecretAccessKey secret) {
        return askKeystone(PostFormSignature.remoteProof(signed, secret), () -> remember(signed.accessKey(), new Refused(secret, true)));
    }

    /** s3tokens (and the secret) for {@code signed}; {@code onRefusedSignature} gives the verdict of a 401. */
    private KeystoneVerdict askKeystone(SignedRequest signed, Supplier<KeystoneVerdict> onRefusedSignature) {
        try {
            return vouched(keystone.authenticate(signed));
        } catch (KeystoneRefusalException refused) {
            if (refused.status() == 404) {
                return unknown(signed.accessKey());
            }
            if (refused.status() != 401) {
                throw gatewayUserRefused(refused);
            }
            return onRefusedSignature.get();
        } catch (KeystoneUnavailableException down) {
            throw unavailable(signed, down);
        }
    }

    /** Keystone refused a signature it did not vouch for: its secret tells wrong signatures from right ones. */
    private KeystoneVerdict refusedWithSecret(SignedRequest signed) {
        try {
            return remember(signed.accessKey(), new Refused(keystone.secretOf(signed.accessKey()), false));
        } catch (KeystoneRefusalException refused) {
            if (refused.status() == 404) {
                return unknown(signed.accessKey());   // the credential was deleted meanwhile
            }
            throw gatewayUserRefused(refused);
        } catch (KeystoneUnavailableException down) {
            throw unavailable(signed, down);
        }
    }

    private KeystoneVerdict vouched(KeystoneUser user) {
        credentials.put(user);
        refusals.remove(user.accessKey());
        return new Vouched(user);
    }

    private KeystoneVerdict unknown(String accessKey) {
        return remember(accessKey, new Unknown());
    }

    private KeystoneVerdict remember(String accessKey, KeystoneVerdict verdict) {
        refusals.put(accessKey, verdict);
        return verdict;
    }

    private static S3Exception gatewayUserRefused(KeystoneRefusalException refused) {
        LOG.error("Keystone refuses the gateway's own user ({}); check its roles", refused.getMessage());
        return S3Exception.internalError("keystone." + refused.status());
    }

    private static S3Exception unavailable(SignedRequest signed, KeystoneUnavailableException down) {
        LOG.warn("Keystone unavailable while authenticating {}: {}", signed.accessKey(), down.getMessage());
        return S3Exception.serviceUnavailable().withReason("keystone.unavailable");
    }
}
