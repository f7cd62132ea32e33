package io.s3multi.webapp.fault;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One rule of a {@link FaultProxy}: which requests it matches, which occurrences of them it strikes
 * ({@link #skip}, {@link #times}), and its {@link Fault}. Made by {@link FaultProxy#when}; the first rule that
 * strikes a request decides what happens to it.
 */
public final class Rule {

    private final Predicate<SwiftRequest> match;
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger struck = new AtomicInteger();
    private volatile int skip;
    private volatile int times = Integer.MAX_VALUE;
    private volatile Fault fault = Fault.forward();

    Rule(Predicate<SwiftRequest> match) {
        this.match = Objects.requireNonNull(match);
    }

    /** Lets the first {@code n} matching requests pass untouched (the n+1-th is the first struck). */
    public Rule skip(int n) {
        this.skip = n;
        return this;
    }

    /** Strikes at most {@code n} matching requests (after the skipped ones); the default is all of them. */
    public Rule times(int n) {
        this.times = n;
        return this;
    }

    /** Strikes with this fault. */
    public Rule then(Fault fault) {
        this.fault = Objects.requireNonNull(fault);
        return this;
    }

    /** Strikes with this hold and returns it, for the test to wait on and release. */
    public Hold then(Hold hold) {
        this.fault = Objects.requireNonNull(hold);
        return hold;
    }

    /** Strikes with this rendezvous and returns it, for the test to check that the parties met. */
    public Rendezvous then(Rendezvous rendezvous) {
        this.fault = Objects.requireNonNull(rendezvous);
        return rendezvous;
    }

    /** How many requests this rule has struck. */
    public int struck() {
        return struck.get();
    }

    /** The fault for {@code request} if this rule strikes it (counting it), else {@code null}. */
    Fault strike(SwiftRequest request) {
        if (!match.test(request)) {
            return null;
        }
        int occurrence = seen.incrementAndGet();
        if (occurrence <= skip || occurrence > skip + (long) times) {
            return null;
        }
        struck.incrementAndGet();
        return fault;
    }
}
