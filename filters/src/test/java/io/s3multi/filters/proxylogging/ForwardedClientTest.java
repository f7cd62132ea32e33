package io.s3multi.filters.proxylogging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.filters.pipeline.AddressRanges;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedClientTest {

    private final ForwardedClient behindProxies = new ForwardedClient(AddressRanges.parse("10.0.0.0/8 fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("10.1.1.1", new ForwardedClient(AddressRanges.parse("")).of("10.1.1.1", List.of("203.0.113.9")));
    }

    @Test
    void aRequestFromAnUntrustedAddressIsLoggedAsThatAddress() {
        assertEquals("198.51.100.1", behindProxies.of("198.51.100.1", List.of("203.0.113.9")));
    }

    @Test
    void theRightmostAddressNoTrustedProxyWroteIsTheClient() {
        // The client itself wrote 192.0.2.66 (a lie nobody vouches for); the first proxy saw 203.0.113.9.
        assertEquals("203.0.113.9", behindProxies.of("10.0.0.2", List.of("192.0.2.66, 203.0.113.9", "10.0.0.1")));
        assertEquals("2001:db8::7", behindProxies.of("fd00::1", List.of("2001:db8::7")));
    }

    @Test
    void onlyTrustedProxiesGiveTheLeftmost() {
        assertEquals("10.0.0.3", behindProxies.of("10.0.0.1", List.of("10.0.0.3,10.0.0.2")));
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheLastTrustedOne() {
        for (String garbage : List.of("unknown", "client.example", "203.0.113.9:443", "1.2.3.999", "", "beef")) {
            assertEquals("10.0.0.2", behindProxies.of("10.0.0.1", List.of("203.0.113.9, " + garbage + ", 10.0.0.2")),
                    garbage);
        }
    }
}
