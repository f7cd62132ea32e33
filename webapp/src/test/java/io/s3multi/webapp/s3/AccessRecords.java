package io.s3multi.webapp.s3;

import io.s3multi.filters.proxylogging.AccessRecord;
import io.s3multi.filters.proxylogging.ProxyLoggingFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The access records a test gateway's proxy_logging publishes while this is open. A record is published just after
 * its answer went out, so it may trail the client a little: {@link #await} waits for it (at most 10 s) on a
 * queue, never by sleeping.
 */
public final class AccessRecords implements AutoCloseable {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final BlockingQueue<AccessRecord> arrived = new LinkedBlockingQueue<>();
    private final List<AccessRecord> seen = new ArrayList<>();
    private final Consumer<AccessRecord> listener = arrived::add;
    private final ProxyLoggingFilter logging;

    private AccessRecords(ProxyLoggingFilter logging) {
        this.logging = logging;
        logging.addListener(listener);
    }

    /** Starts listening to {@code gateway}'s records. */
    public static AccessRecords listen(S3TestGateway gateway) {
        return new AccessRecords(gateway.server().pipeline().filter("proxy_logging", ProxyLoggingFilter.class));
    }

    /** The first record {@code match} accepts and no earlier call returned; fails after 10 s without one. */
    public AccessRecord await(Predicate<AccessRecord> match, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (true) {
            for (AccessRecord record : seen) {
                if (match.test(record)) {
                    seen.remove(record);
                    return record;
                }
            }
            long left = deadline - System.nanoTime();
            AccessRecord next = left > 0 ? arrived.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError("no access record of " + what + " in " + seen);
            }
            seen.add(next);
        }
    }

    /** The next record of the S3 operation {@code operation} (as the access record names it). */
    public AccessRecord await(String operation) throws InterruptedException {
        return await(record -> operation.equals(record.s3Operation()), operation);
    }

    @Override
    public void close() {
        logging.removeListener(listener);
    }
}
