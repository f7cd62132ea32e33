package io.s3multi.filters.s3token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.auth.SecretAccessKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    private static KeystoneUser user(String access) {
        return new KeystoneUser(access, "u-" + access, "user " + access, "p1", "project", Set.of("member"),
                SecretAccessKey.of("secret"));
    }

    @Test
    void anEntryLivesExactlyTheTtl() {
        var cache = new CredentialCache(Duration.ofSeconds(60), clock, 10);
        cache.put(user("a"));
        clock.advance(Duration.ofSeconds(59));
        assertEquals("u-a", cache.find("a").orElseThrow().userId());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cache.find("a").isEmpty(), "expired at the TTL: Keystone is asked again");
    }

    @Test
    void aFloodOfKeysDoesNotGrowItPastItsBound() {
        var cache = new CredentialCache(Duration.ofSeconds(60), clock, 3);
        for (int i = 0; i < 10; i++) {
            cache.put(user("k" + i));
        }
        int found = 0;
        for (int i = 0; i < 10; i++) {
            found += cache.find("k" + i).isPresent() ? 1 : 0;
        }
        assertTrue(found <= 3, found + " entries");
        assertTrue(cache.find("k9").isPresent(), "the newest stays");
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertTrue(!user("a").toString().contains("secret"), user("a").toString());
    }
}
