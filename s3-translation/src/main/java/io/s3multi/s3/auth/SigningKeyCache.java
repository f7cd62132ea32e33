package io.s3multi.s3.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers derived SigV4 keys per secret and scope, least recently used first out.
 *
 * <p>A client signs every request of a day with the same derived key, so deriving it (four HMACs) once per day
 * and client instead of once per request and chunk is free speed. Entries are keyed by the secret itself, so a
 * changed secret simply misses; the bound keeps a flood of distinct scopes from growing the heap.
 */
public final class SigningKeyCache {

    /** A bound that comfortably holds every active user of a large cluster for a day. */
    public static final int DEFAULT_MAX_ENTRIES = 4096;

    private record Key(SecretAccessKey secret, CredentialScope scope) {
    }

    private final int maxEntries;
    private final Map<Key, SigningKey> keys;

    public SigningKeyCache() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SigningKey> eldest) {
                return size() > SigningKeyCache.this.maxEntries;
            }
        };
    }

    /** The signing key for this secret and scope, derived on first use. */
    public SigningKey get(SecretAccessKey secret, CredentialScope scope) {
        Key key = new Key(Objects.requireNonNull(secret), Objects.requireNonNull(scope));
        synchronized (keys) {
            SigningKey cached = keys.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // Derive outside the lock: two threads may both derive, which is harmless.
        SigningKey derived = SigningKey.derive(secret, scope);
        synchronized (keys) {
            keys.putIfAbsent(key, derived);
        }
        return derived;
    }

    /** The number of cached keys. */
    public int size() {
        synchronized (keys) {
            return keys.size();
        }
    }
}
