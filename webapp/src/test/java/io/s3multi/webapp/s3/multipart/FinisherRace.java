package io.s3multi.webapp.s3.multipart;

import io.s3multi.webapp.fault.Fault;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.fault.Hold;
import io.s3multi.webapp.fault.Rendezvous;
import io.s3multi.webapp.fault.SwiftRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Complete and an Abort of one upload that are in the gateway (or gateways) at the same time, proven at the
 * {@link FaultProxy} through which the gateways reach Swift, in one of three {@link Order}s. A race that did not
 * happen fails the test instead of passing as a race.
 */
final class FinisherRace {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Who gets the finish lock first. */
    enum Order {
        /**
         * Neither: the first Swift request of each (the marker's HEAD) is held until the other's has arrived, then
         * both go on together ({@link Rendezvous}).
         */
        TOGETHER,
        /** Complete takes the lock and its claim, and is held at its next Swift request until Abort has arrived. */
        COMPLETE_FIRST,
        /** Abort takes the lock and its claim, and is held at its next Swift request until Complete has arrived. */
        ABORT_FIRST;

        static Order of(int round) {
            return values()[round % values().length];
        }
    }

    private FinisherRace() {
    }

    /** Runs both calls racing in {@code order}; their answers, Complete's first. */
    static List<String> run(FaultProxy proxy, String uploadId, Order order, Callable<String> complete,
            Callable<String> abort) throws Exception {
        try {
            return order == Order.TOGETHER ? together(proxy, uploadId, complete, abort)
                    : order == Order.COMPLETE_FIRST ? oneThenOther(proxy, uploadId, complete, abort)
                    : reversed(oneThenOther(proxy, uploadId, abort, complete));
        } finally {
            proxy.clearRules();
        }
    }

    private static List<String> together(FaultProxy proxy, String uploadId, Callable<String> complete,
            Callable<String> abort) throws Exception {
        Rendezvous bothInFlight = proxy.when(r -> isMarkerHead(r, uploadId)).times(2).then(Fault.rendezvous(2));
        List<String> answers = MultipartConcurrencyIT.together(complete, abort);
        assertTrue(bothInFlight.met(), "Complete and Abort were not in flight at the same time: " + answers + " "
                + proxy.log());
        return answers;
    }

    /** {@code first} holds the lock while {@code second} arrives; their answers in that order. */
    private static List<String> oneThenOther(FaultProxy proxy, String uploadId, Callable<String> first,
            Callable<String> second) throws Exception {
        AtomicBoolean claimed = new AtomicBoolean();
        Hold firstHoldsTheLock = proxy.when(r -> {
            if (r.method().equals("PUT") && r.path().endsWith("/claims/" + uploadId)) {
                claimed.set(true);
                return false;
            }
            return claimed.get() && !r.path().contains("/claims/");   // not the claim's refresher
        }).times(1).then(Fault.hold());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> firstAnswer = pool.submit(first);
            assertTrue(firstHoldsTheLock.awaitHeld(WAIT), "the first finisher took its claim: " + proxy.log());
            Hold secondArrives = proxy.when(r -> isMarkerHead(r, uploadId)).times(1).then(Fault.hold());
            secondArrives.release();   // only watches
            Future<String> secondAnswer = pool.submit(second);
            assertTrue(secondArrives.awaitHeld(WAIT), "the second finisher arrived: " + proxy.log());
            assertFalse(firstAnswer.isDone(), "the first finisher was still in flight");
            firstHoldsTheLock.release();
            return List.of(firstAnswer.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS),
                    secondAnswer.get(WAIT.toSeconds() * 2, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /** True for a HEAD of the marker of upload {@code uploadId} (every finisher HEADs it first). */
    static boolean isMarkerHead(SwiftRequest request, String uploadId) {
        return request.method().equals("HEAD") && request.isSegment() && request.path().contains("/uploads/")
                && request.path().endsWith(uploadId);
    }

    private static List<String> reversed(List<String> pair) {
        return List.of(pair.get(1), pair.get(0));
    }
}
