package io.s3multi.filters.s3token;

import io.s3multi.s3.error.S3Exception;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The gateway's exchanges with Keystone about access keys, bounded two ways, so that unauthenticated traffic
 * cannot turn into Keystone traffic at the attacker's rate:
 * <ul>
 *   <li><b>single flight</b>: requests that need Keystone's word on the same access key at the same time share
 *       one exchange; the first runs it on its own thread, the others wait for its verdict (at most
 *       {@code longestWait}, then {@code 503 ServiceUnavailable});</li>
 *   <li><b>a cap</b>: at most {@code maxConcurrent} exchanges run at once (each is one to three Keystone requests
 *       in a row); beyond it a request is answered at once with {@code 503 SlowDown}, which S3 clients back off
 *       from and retry, instead of holding a gateway thread for Keystone's timeouts.</li>
 * </ul>
 * A failure of the exchange (Keystone unavailable, the cap reached) is every waiter's failure; nothing of it is
 * remembered.
 */
final class KeystoneFlights {

    /** What an exchange is about: asking about a request's signature, or vouching for one proved right. */
    private record Flight(String accessKey, boolean vouching) {
    }

    private final ConcurrentHashMap<Flight, CompletableFuture<KeystoneVerdict>> inFlight = new ConcurrentHashMap<>();
    private final Semaphore permits;
    private final Duration longestWait;

    KeystoneFlights(int maxConcurrent, Duration longestWait) {
        this.permits = new Semaphore(maxConcurrent);
        this.longestWait = longestWait;
    }

    /**
     * The verdict of the exchange about {@code accessKey} under way, or of {@code exchange} run now on this thread
     * when none is.
     *
     * @param vouching whether the exchange vouches for a signature already proved right (a flight of its own: its
     *                 verdict must not be taken from an exchange about a signature that may be wrong)
     * @throws S3Exception {@code SlowDown} beyond the cap, {@code ServiceUnavailable} after waiting too long, or
     *                     whatever the exchange threw
     */
    KeystoneVerdict join(String accessKey, boolean vouching, Supplier<KeystoneVerdict> exchange) {
        Flight flight = new Flight(accessKey, vouching);
        var mine = new CompletableFuture<KeystoneVerdict>();
        CompletableFuture<KeystoneVerdict> running = inFlight.putIfAbsent(flight, mine);
        if (running != null) {
            return await(running);
        }
        try {
            if (!permits.tryAcquire()) {
                throw S3Exception.slowDown().withReason("keystone.busy");
            }
            try {
                KeystoneVerdict verdict = exchange.get();
                mine.complete(verdict);
                return verdict;
            } finally {
                permits.release();
            }
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            inFlight.remove(flight, mine);
        }
    }

    /** How many requests wait for the exchange about {@code accessKey} under way (an estimate, for tests). */
    int waiting(String accessKey, boolean vouching) {
        CompletableFuture<KeystoneVerdict> running = inFlight.get(new Flight(accessKey, vouching));
        return running == null ? 0 : running.getNumberOfDependents();
    }

    private KeystoneVerdict await(CompletableFuture<KeystoneVerdict> running) {
        try {
            return running.get(longestWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw S3Exception.internalError("keystone.exchange", failed.getCause());
        } catch (TimeoutException waitedTooLong) {
            throw S3Exception.serviceUnavailable().withReason("keystone.wait");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw S3Exception.serviceUnavailable().withReason("keystone.interrupted");
        }
    }
}
