package io.s3multi.filters.s3token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class ServiceTokenKeeperTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(T0);
    private final Deque<Object> logins = new ArrayDeque<>();
    private int loginCalls;
    private final ServiceLogin login = () -> {
        loginCalls++;
        Object next = logins.removeFirst();
        if (next instanceof KeystoneUnavailableException down) {
            throw down;
        }
        return (ServiceToken) next;
    };
    private final ServiceTokenKeeper keeper = new ServiceTokenKeeper(login, MARGIN, clock);

    @Test
    void logsInOnceAndReusesTheTokenUntilTheMarginBeforeExpiry() throws Exception {
        logins.add(new ServiceToken("first", T0.plus(Duration.ofHours(1))));
        logins.add(new ServiceToken("second", T0.plus(Duration.ofHours(2))));
        assertEquals("first", keeper.token().value());
        clock.advance(Duration.ofMinutes(54));
        assertEquals("first", keeper.token().value());
        assertEquals(1, loginCalls);
        clock.advance(Duration.ofMinutes(1));   // 5 minutes before expiry: renewed
        assertEquals("second", keeper.token().value());
        assertEquals(2, loginCalls);
    }

    @Test
    void keepsTheOldTokenWhileKeystoneIsDownAndTheTokenStillValid() throws Exception {
        logins.add(new ServiceToken("first", T0.plus(Duration.ofHours(1))));
        logins.add(new KeystoneUnavailableException("down"));
        logins.add(new KeystoneUnavailableException("still down"));
        keeper.token();
        clock.advance(Duration.ofMinutes(58));
        assertEquals("first", keeper.token().value(), "renewal failed, the valid old token serves");
        clock.advance(Duration.ofMinutes(2));   // expired now
        assertThrows(KeystoneUnavailableException.class, keeper::token);
    }

    @Test
    void anInvalidatedTokenIsReplacedOnTheNextCall() throws Exception {
        ServiceToken first = new ServiceToken("first", T0.plus(Duration.ofHours(1)));
        logins.add(first);
        logins.add(new ServiceToken("second", T0.plus(Duration.ofHours(1))));
        keeper.token();
        keeper.invalidate(new ServiceToken("someone-else", T0.plus(Duration.ofHours(1))));
        assertEquals("first", keeper.token().value(), "only the current token is dropped");
        keeper.invalidate(first);
        assertEquals("second", keeper.token().value());
    }
}
