package io.s3multi.s3.background;

/** Keeps background work to its share of Swift's requests: every Swift request of a job waits for its turn. */
@FunctionalInterface
public interface Pacer {

    /** A pacer that never waits (the admin tool, tests). */
    Pacer UNPACED = () -> { };

    /** Returns when the job may send its next Swift request. */
    void awaitTurn() throws InterruptedException;
}
