package io.s3multi.s3.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacer's arithmetic, with a request counter and a clock the test moves. */
class SharePacerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T05:00:00Z"));
    private final AtomicLong gateway = new AtomicLong();

    private int turns(SharePacer pacer) {
        int turns = 0;
        while (pacer.tryTurn()) {
            gateway.incrementAndGet();
            turns++;
        }
        return turns;
    }

    @Test
    void anIdleGatewayGivesTheFloorRate() {
        SharePacer pacer = new SharePacer(gateway::get, 0.1, 5, clock);
        assertEquals(0, turns(pacer));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(10, turns(pacer));
    }

    @Test
    void backgroundRequestsStayWithinTheirShareOfABusyGateway() {
        SharePacer pacer = new SharePacer(gateway::get, 0.2, 5, clock);
        int background = 0;
        for (int round = 0; round < 100; round++) {
            gateway.addAndGet(40);
            background += turns(pacer);
        }
        // 4,000 requests for clients: a fifth of all is 1,000 background ones, no floor time has passed
        assertEquals(1000, background);
        assertEquals(5000, gateway.get());
        assertEquals(1000, pacer.backgroundRequests());
    }

    @Test
    void aQuietSpellBuysNoLargeBurst() {
        SharePacer pacer = new SharePacer(gateway::get, 0.1, 5, clock);
        clock.advance(Duration.ofHours(1));
        assertEquals(20, turns(pacer));
    }

    @Test
    void chargedRequestsCountAndCanOverdraw() {
        SharePacer pacer = new SharePacer(gateway::get, 0.1, 5, clock);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            pacer.charge();
            gateway.incrementAndGet();
        }
        assertFalse(pacer.tryTurn(), "5 tokens earned, 10 spent");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(pacer.tryTurn(), "back to zero");
        clock.advance(Duration.ofMillis(200));
        assertTrue(pacer.tryTurn());
        assertEquals(11, pacer.backgroundRequests());
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SharePacer(gateway::get, 1, 5, clock));
        assertThrows(IllegalArgumentException.class, () -> new SharePacer(gateway::get, 0, 5, clock));
    }
}
