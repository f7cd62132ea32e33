package io.s3multi.s3.multipart;

import io.s3multi.swift.error.SwiftException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * One step of the clean-up after a Complete, tried again a few times over about a second when Swift fails it (a
 * 503 storm, a reset): the object is already durable, so the clean-up must not fail the request, but giving up at
 * the first 503 leaves garbage behind for every short blip. Bounded, because the client is still waiting for its
 * answer; what stays after the last try is left, recognisably, for the sweeper (see the package comment).
 */
final class CleanUpRetry {

    /** A clean-up step: true when done, false when Swift answered but did not do all of it. */
    @FunctionalInterface
    interface Step {
        boolean run() throws SwiftException;
    }

    /** A look at Swift whose answer decides what a Complete keeps. */
    @FunctionalInterface
    interface Look<T> {
        T run() throws SwiftException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CleanUpRetry.class);
    /** The pauses before the second, third and fourth try: at most 1.4 s in all, plus the requests. */
    static final List<Duration> PAUSES = List.of(Duration.ofMillis(100), Duration.ofMillis(300),
            Duration.ofMillis(1000));

    private CleanUpRetry() {
    }

    /** Runs {@code step} until it is done or the tries are used up; whether it was done. Never throws. */
    static boolean run(String what, Step step) {
        String failure = null;
        for (int attempt = 0; attempt <= PAUSES.size(); attempt++) {
            if (attempt > 0 && !pause(PAUSES.get(attempt - 1))) {
                break;
            }
            try {
                if (step.run()) {
                    return true;
                }
                failure = "Swift did not do all of it";
            } catch (SwiftException e) {
                failure = e.toString();
            }
        }
        LOG.warn("gave up {} after {} tries: {}", what, PAUSES.size() + 1, failure);
        return false;
    }

    /**
     * Runs {@code look} until Swift answers it or the tries are used up, with the clean-up's pauses: the looks after a
     * Complete's manifest landed decide whether it stays or is rolled back, and a Complete that fails there leaves
     * the manifest at the key (and its retry answers from it) even where an Abort deleted the parts it names.
     *
     * @throws SwiftException the last failure, when every try failed
     */
    static <T> T look(Look<T> look) throws SwiftException {
        for (int attempt = 0; ; attempt++) {
            try {
                return look.run();
            } catch (SwiftException e) {
                if (attempt == PAUSES.size() || !pause(PAUSES.get(attempt))) {
                    throw e;
                }
            }
        }
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
