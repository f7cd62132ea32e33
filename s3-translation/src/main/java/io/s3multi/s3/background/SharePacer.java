package io.s3multi.s3.background;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Keeps the background work of one gateway to a share of the Swift requests the gateway sends: a token bucket
 * filled by the gateway's own traffic ({@code share / (1 - share)} tokens for every request sent for clients, so
 * that background requests stay at most {@code share} of all) and by a small floor rate, so that an idle gateway
 * still makes progress. Every background request takes a token: a job's with {@link #awaitTurn()}, which waits for
 * one; the worker's own lease and checkpoint writes with {@link #charge()}, which must not wait (a renewal delayed
 * by pacing could cost the lease), and may drive the balance below zero.
 */
final class SharePacer implements Pacer {

    /** Requests per second background work may always send, however idle the gateway. */
    static final double FLOOR_PER_SECOND = 5;
    /** Most tokens kept: a busy hour does not buy an unpaced burst later. */
    private static final double MOST_TOKENS = 20;
    private static final Duration LONGEST_WAIT = Duration.ofMillis(200);

    private final LongSupplier gatewayRequests;
    private final double tokensPerRequest;
    private final double floorPerSecond;
    private final Clock clock;
    private double tokens;
    private long backgroundRequests;
    private long seenGateway;
    private long seenBackground;
    private Instant seenAt;

    /**
     * @param gatewayRequests how many Swift requests the gateway has sent so far, background ones included
     * @param share           the most of them background work may send, between 0 and 1 (exclusive)
     */
    SharePacer(LongSupplier gatewayRequests, double share, double floorPerSecond, Clock clock) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("share " + share + " is not between 0 and 1");
        }
        this.gatewayRequests = gatewayRequests;
        this.tokensPerRequest = share / (1 - share);
        this.floorPerSecond = floorPerSecond;
        this.clock = clock;
        this.seenGateway = gatewayRequests.getAsLong();
        this.seenAt = clock.instant();
    }

    @Override
    public void awaitTurn() throws InterruptedException {
        while (!tryTurn()) {
            Thread.sleep(waitMillis());
        }
    }

    /** Takes a token if there is one. */
    synchronized boolean tryTurn() {
        refill();
        if (tokens < 1) {
            return false;
        }
        take();
        return true;
    }

    /** Takes a token whether there is one or not: a request that must not wait. */
    synchronized void charge() {
        refill();
        take();
    }

    /** How many background requests were sent through this pacer. */
    synchronized long backgroundRequests() {
        return backgroundRequests;
    }

    private void take() {
        tokens -= 1;
        backgroundRequests++;
    }

    private void refill() {
        long gateway = gatewayRequests.getAsLong();
        Instant now = clock.instant();
        long foreground = Math.max(0, (gateway - seenGateway) - (backgroundRequests - seenBackground));
        double seconds = Math.max(0, Duration.between(seenAt, now).toNanos() / 1e9);
        tokens = Math.min(MOST_TOKENS, tokens + foreground * tokensPerRequest + seconds * floorPerSecond);
        seenGateway = gateway;
        seenBackground = backgroundRequests;
        seenAt = now;
    }

    private synchronized long waitMillis() {
        double missing = Math.max(0, 1 - tokens);
        long millis = (long) Math.ceil(missing / floorPerSecond * 1000);
        return Math.max(1, Math.min(LONGEST_WAIT.toMillis(), millis));
    }
}
