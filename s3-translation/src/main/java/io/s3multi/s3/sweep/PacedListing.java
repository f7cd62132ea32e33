package io.s3multi.s3.sweep;

import io.s3multi.s3.background.Pacer;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.container.ListingCursor;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.List;

/** A container listing read page by page, each page's request waiting for the pacer; a missing container is empty. */
final class PacedListing {

    /** Receives the entries in order; false stops the listing (no further page is asked for). */
    @FunctionalInterface
    interface Visitor {
        boolean visit(ObjectEntry entry) throws SwiftException;
    }

    private PacedListing() {
    }

    static void forEach(SwiftAccount swift, Pacer pacer, String container, ListingQuery query, Visitor visitor)
            throws SwiftException, InterruptedException {
        ListingCursor<ObjectEntry> cursor = swift.containers().listAllObjects(container, query);
        while (cursor.hasMorePages()) {
            pacer.awaitTurn();
            Iterable<ObjectEntry> entries = S3Failures.unlessNotFound(() -> cursor.nextPage().entries())
                    .orElse(List.of());
            for (ObjectEntry entry : entries) {
                if (!visitor.visit(entry)) {
                    return;
                }
            }
            if (!entries.iterator().hasNext()) {
                return;
            }
        }
    }
}
