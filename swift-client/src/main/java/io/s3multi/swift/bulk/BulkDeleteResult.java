package io.s3multi.swift.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a bulk delete (or an SLO delete with its segments), summed over every request it took.
 *
 * <p>A path that did not exist counts as not found, not as an error (deleting is idempotent). Paths that
 * Swift refused are listed in {@link #errors()}; the operation as a whole still completed. Failures of
 * the whole request (too many paths, bulk middleware missing, 5xx) are thrown instead, as
 * {@link io.s3multi.swift.error.SwiftHttpStatusException}.
 *
 * @param deleted  how many paths were deleted
 * @param notFound how many paths did not exist
 * @param errors   paths Swift refused to delete, with Swift's status for each
 */
public record BulkDeleteResult(long deleted, long notFound, List<BulkDeleteError> errors) {

    public BulkDeleteResult {
        errors = List.copyOf(errors);
    }

    /** Nothing deleted yet: the start of a sum. */
    public static BulkDeleteResult none() {
        return new BulkDeleteResult(0, 0, List.of());
    }

    /** Whether every path is gone (deleted now, or not there). */
    public boolean isComplete() {
        return errors.isEmpty();
    }

    /** This result and another added up. */
    public BulkDeleteResult plus(BulkDeleteResult other) {
        List<BulkDeleteError> allErrors = new ArrayList<>(errors);
        allErrors.addAll(other.errors);
        return new BulkDeleteResult(deleted + other.deleted, notFound + other.notFound, allErrors);
    }
}
