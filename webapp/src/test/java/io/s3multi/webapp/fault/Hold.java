package io.s3multi.webapp.fault;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault that keeps matched requests at the proxy, not a byte sent to Swift, until {@link #release()}; then
 * forwards them. Its waits are bounded, so that a test waits for the held request rather than sleeping.
 */
public final class Hold extends Fault {

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch answered = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger swiftStatus = new AtomicInteger(-1);

    Hold() {
        super(Kind.HOLD, 0);
    }

    /** Waits until a request is being held; false if none arrived in time. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets every held request (and every later one this fault matches) go on to Swift. */
    public void release() {
        released.countDown();
    }

    /**
     * After {@link #release()}: waits until Swift answered the first held request and returns its status, or -1
     * when it did not answer in time or the request failed on the way (its sender gave up, for example).
     */
    public int awaitSwiftStatus(Duration timeout) throws InterruptedException {
        return answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? swiftStatus.get() : -1;
    }

    /**
     * After {@link #release()}: waits until the first held request's exchange is over, its response relayed whole
     * or broken off by either side; false if it is still going on. A hold released before the request arrives
     * thus watches a request: whether the gateway finishes or abandons its Swift request, and when.
     */
    public boolean awaitEnded(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void end() {
        ended.countDown();
    }

    void arrive() {
        arrived.countDown();
    }

    /** Blocks until released or until {@code closed} says the proxy shut down; true when released. */
    boolean awaitRelease(CountDownLatch closed) throws InterruptedException {
        while (!released.await(100, TimeUnit.MILLISECONDS)) {
            if (closed.getCount() == 0) {
                return false;
            }
        }
        return true;
    }

    void swiftAnswered(int status) {
        if (swiftStatus.compareAndSet(-1, status)) {
            answered.countDown();
        }
    }

    void failed() {
        answered.countDown();
    }
}
