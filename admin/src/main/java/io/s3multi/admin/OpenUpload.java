package io.s3multi.admin;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One multipart upload in progress as {@code <bucket>_segments} shows it: its marker (key, upload id, initiated)
 * and what its parts store (every attempt counts: it is what the upload costs until it ends).
 *
 * @param bytes the bytes of every stored part attempt
 * @param parts how many distinct part numbers have at least one attempt
 */
record OpenUpload(BucketDirectory.Bucket bucket, String key, UploadId uploadId, long parts, long bytes) {

    Instant initiated() {
        return uploadId.initiated();
    }

    Duration age(Instant now) {
        return Duration.between(initiated(), now);
    }

    /** Every open upload of {@code bucket} (finished markers waiting for clean-up are not open). */
    static List<OpenUpload> of(BucketDirectory.Bucket bucket, SwiftAccount owner) throws SwiftException {
        String container = SegmentsLayout.container(bucket.name());
        List<OpenUpload> uploads = new ArrayList<>();
        for (ObjectEntry marker : list(owner, container, SegmentsLayout.UPLOADS)) {
            if (UploadInfo.isFinishedMarker(marker.contentType())) {
                continue;
            }
            var name = SegmentsLayout.parseMarker(marker.name());
            if (name.isEmpty()) {
                continue;
            }
            UploadId id = name.get().uploadId();
            Set<Integer> numbers = new HashSet<>();
            long bytes = 0;
            for (ObjectEntry part : list(owner, container, SegmentsLayout.partsPrefix(id))) {
                var partName = SegmentsLayout.parsePart(id, part.name());
                if (partName.isPresent()) {
                    numbers.add(partName.get().number());
                    bytes += part.bytes();
                }
            }
            uploads.add(new OpenUpload(bucket, name.get().key(), id, numbers.size(), bytes));
        }
        return uploads;
    }

    private static List<ObjectEntry> list(SwiftAccount owner, String container, String prefix)
            throws SwiftException {
        List<ObjectEntry> entries = new ArrayList<>();
        S3Failures.ignoringNotFound(() -> {   // no segments container: no upload ever
            var cursor = owner.containers().listAllObjects(container, ListingQuery.all().withPrefix(prefix));
            while (cursor.hasMorePages()) {
                entries.addAll(cursor.nextPage().entries());
            }
        });
        return entries;
    }
}
