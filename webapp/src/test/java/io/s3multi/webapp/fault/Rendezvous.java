package io.s3multi.webapp.fault;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A fault that keeps each matched request at the proxy, not a byte sent to Swift, until {@code parties} of them
 * have arrived, then forwards them all at once. Struck by a {@link Rule} with {@code times(parties)} on the first
 * Swift request each of several S3 calls makes, it proves those calls were in the gateway at the same time: one
 * call cannot send a second request while its first is held. A party that waits longer than {@code patience} is
 * forwarded anyway and the meeting counts as missed, so the test fails on {@link #met()} instead of hanging.
 */
public final class Rendezvous extends Fault {

    private final CountDownLatch arrivals;
    private final Duration patience;
    private volatile boolean missed;

    Rendezvous(int parties, Duration patience) {
        super(Kind.RENDEZVOUS, parties);
        this.arrivals = new CountDownLatch(parties);
        this.patience = patience;
    }

    /** True when every party arrived while the others were still held. */
    public boolean met() {
        return arrivals.getCount() == 0 && !missed;
    }

    /** Waits until every party has arrived; false if they did not in time. */
    public boolean awaitMet(Duration timeout) throws InterruptedException {
        return arrivals.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && !missed;
    }

    /** Called by the proxy for each arriving party: blocks until all arrived or patience ran out. */
    void arriveAndWait() throws InterruptedException {
        arrivals.countDown();
        if (!arrivals.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            missed = true;
        }
    }
}
