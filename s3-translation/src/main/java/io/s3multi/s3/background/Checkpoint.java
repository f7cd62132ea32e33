package io.s3multi.s3.background;

import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/**
 * A job's position in one bucket, kept in Swift so that a run interrupted by a restart or by a lost lease resumes on
 * any gateway. What the position means (a listing marker, a phase and a marker) is the job's business.
 */
public interface Checkpoint {

    /** A checkpoint that remembers nothing (the admin tool, tests). */
    Checkpoint NONE = new Checkpoint() {
        @Override
        public Optional<String> position() {
            return Optional.empty();
        }

        @Override
        public void save(String position) {
        }

        @Override
        public void clear() {
        }
    };

    /** Where the last run stopped, or empty to start from the beginning. */
    Optional<String> position() throws SwiftException;

    /** Records progress; called now and then during a run, not for every object. */
    void save(String position) throws SwiftException;

    /** The run finished: the next one starts from the beginning. */
    void clear() throws SwiftException;
}
