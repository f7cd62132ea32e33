package io.s3multi.s3.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServiceAccountsTest {

    @Test
    void theAccountReplacesTheServiceIdentitysOwn() {
        assertEquals(URI.create("http://127.0.0.1:8081/v1/AUTH_test"),
                ServiceAccounts.storageUrlOf(URI.create("http://127.0.0.1:8081/v1/AUTH_s3multi"), "AUTH_test"));
        assertEquals(URI.create("https://swift.example/swift/v1/AUTH_0a1b"),
                ServiceAccounts.storageUrlOf(URI.create("https://swift.example/swift/v1/AUTH_s3multi/"), "AUTH_0a1b"));
    }

    @Test
    void aStorageUrlWithoutAPathIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ServiceAccounts.storageUrlOf(URI.create("http://127.0.0.1:8081"), "AUTH_test"));
    }
}
