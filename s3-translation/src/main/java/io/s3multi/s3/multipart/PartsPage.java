package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ListParts page, from as few Swift listing calls as the page allows: the parts of one upload live alone under
 * {@code parts/<upload id>/} with zero-padded numbers, each part's attempts listed together, oldest first (see
 * {@link PartAttempt}), so {@code marker = past part-number-marker} and {@code limit = max-parts + 1} return the
 * page and tell whether another follows when every part has one attempt stored, the usual case: one call whatever
 * the number of parts stored (Swift's s3api lists every part for every page). Each part shows its latest attempt,
 * as AWS shows the last upload of a part. Only when several attempts of a part are stored (a retried UploadPart
 * whose first attempt also landed) can the page take more calls, each continuing where the last ended.
 *
 * @param parts      the parts of the page, ascending, each its latest attempt
 * @param truncated  whether more parts follow
 * @param swiftCalls how many listing calls the page cost (for tests and logs)
 */
public record PartsPage(List<StoredPart> parts, boolean truncated, int swiftCalls) {

    public PartsPage {
        parts = List.copyOf(parts);
    }

    /** The page of at most {@code maxParts} parts after {@code partNumberMarker}. */
    public static PartsPage read(UploadId uploadId, int partNumberMarker, int maxParts, UploadsPage.Lister lister)
            throws SwiftException {
        List<StoredPart> parts = new ArrayList<>();
        if (maxParts <= 0) {
            return new PartsPage(parts, false, 0);
        }
        String marker = SegmentsLayout.partsAfter(uploadId, partNumberMarker);
        int calls = 0;
        while (true) {
            // Enough for the rest of the page and one more part, should every part have one attempt.
            int limit = maxParts - parts.size() + 1;
            List<ObjectEntry> listed = lister.list(ListingQuery.all().withPrefix(SegmentsLayout.partsPrefix(uploadId))
                    .withMarker(marker).withLimit(limit));
            calls++;
            for (ObjectEntry entry : listed) {
                Optional<StoredPart> part = storedPart(uploadId, entry);
                if (part.isEmpty()) {
                    continue;
                }
                int last = parts.size() - 1;
                if (last >= 0 && parts.get(last).number() == part.get().number()) {
                    parts.set(last, part.get());
                } else if (parts.size() == maxParts) {
                    return new PartsPage(parts, true, calls);
                } else {
                    parts.add(part.get());
                }
            }
            if (listed.size() < limit) {
                return new PartsPage(parts, false, calls);
            }
            marker = listed.get(listed.size() - 1).name();
        }
    }

    /** A listing entry read as an attempt of a part of the upload; empty for any other name. */
    public static Optional<StoredPart> storedPart(UploadId uploadId, ObjectEntry entry) {
        if (entry.isSubdir()) {
            return Optional.empty();
        }
        return SegmentsLayout.parsePart(uploadId, entry.name())
                .map(name -> new StoredPart(name.number(), entry.name(), MultipartEtag.normalize(entry.hash()),
                        entry.bytes(), entry.lastModified(), PartContentType.checksumIn(entry.contentType())));
    }

    /** The last part number of the page, or {@code null} for an empty page. */
    public Integer lastPartNumber() {
        return parts.isEmpty() ? null : parts.get(parts.size() - 1).number();
    }
}
