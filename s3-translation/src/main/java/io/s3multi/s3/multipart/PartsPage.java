package io.s3multi.s3.multipart;

import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ListParts page out of one Swift listing call: the parts of one upload live alone under
 * {@code parts/<upload id>/} with zero-padded numbers, so {@code marker = part-number-marker} and
 * {@code limit = max-parts + 1} return exactly the page and tell whether another follows. The cost is one
 * call whatever the number of parts stored (Swift's s3api lists every part for every page).
 *
 * @param parts     the parts of the page, ascending
 * @param truncated whether more parts follow
 */
public record PartsPage(List<StoredPart> parts, boolean truncated) {

    public PartsPage {
        parts = List.copyOf(parts);
    }

    /** The Swift listing for a page of {@code maxParts} parts after {@code partNumberMarker}. */
    public static ListingQuery query(UploadId uploadId, int partNumberMarker, int maxParts) {
        return ListingQuery.all()
                .withPrefix(SegmentsLayout.partsPrefix(uploadId))
                .withMarker(SegmentsLayout.partsAfter(uploadId, partNumberMarker))
                .withLimit(maxParts + 1);
    }

    /** The page those listing entries make. */
    public static PartsPage of(UploadId uploadId, List<ObjectEntry> entries, int maxParts) {
        List<StoredPart> parts = new ArrayList<>();
        boolean truncated = false;
        for (ObjectEntry entry : entries) {
            Optional<StoredPart> part = storedPart(uploadId, entry);
            if (part.isEmpty()) {
                continue;
            }
            if (parts.size() == maxParts) {
                truncated = true;
                break;
            }
            parts.add(part.get());
        }
        return new PartsPage(parts, truncated);
    }

    /** A listing entry read as a part of the upload; empty for any other name. */
    public static Optional<StoredPart> storedPart(UploadId uploadId, ObjectEntry entry) {
        if (entry.isSubdir()) {
            return Optional.empty();
        }
        return SegmentsLayout.parsePart(uploadId, entry.name())
                .map(number -> new StoredPart(number, MultipartEtag.normalize(entry.hash()), entry.bytes(),
                        entry.lastModified(), PartContentType.checksumIn(entry.contentType())));
    }

    /** The last part number of the page, or {@code null} for an empty page. */
    public Integer lastPartNumber() {
        return parts.isEmpty() ? null : parts.get(parts.size() - 1).number();
    }
}
