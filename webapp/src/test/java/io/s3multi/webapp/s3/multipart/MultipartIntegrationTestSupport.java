package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.container.ListingCursor;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.s3.S3TestGateway;

import java.util.ArrayList;
import java.util.List;

/** What the multipart ITs read straight from Swift. */
final class MultipartIntegrationTestSupport {

    private MultipartIntegrationTestSupport() {
    }

    /** The names in {@code <bucket>_segments} of test:tester; empty when the container does not exist. */
    static List<String> segmentNames(S3TestGateway gateway, String bucket) throws SwiftException {
        List<String> names = new ArrayList<>();
        try {
            ListingCursor<ObjectEntry> cursor = gateway.swift().containers()
                    .listAllObjects(bucket + "_segments", ListingQuery.all());
            while (cursor.hasMorePages()) {
                cursor.nextPage().entries().forEach(entry -> names.add(entry.name()));
            }
        } catch (SwiftHttpStatusException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        return names;
    }
}
