package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ListMultipartUploads page, read from the markers under {@code uploads/} (see {@link SegmentsLayout}:
 * their byte order is S3's order, key then initiation).
 *
 * <p>S3's {@code prefix} is a Swift prefix. The {@code delimiter} is applied here, not by Swift, because the
 * marker name continues after the key (separator and upload id) and a delimiter such as {@code a} could
 * match there. After each common prefix the next call starts past every name under it
 * ({@link SegmentsLayout#afterKeyPrefix}), so a page costs at most one listing call per common prefix it
 * returns plus one, each asking for no more entries than the page still needs (plus one, to know whether
 * the listing is truncated): proportional to the page, never to the uploads or parts stored.
 *
 * @param entries    uploads and common prefixes in listing order
 * @param truncated  whether more follow
 * @param swiftCalls how many listing calls the page cost (for tests and logs)
 */
public record UploadsPage(List<Entry> entries, boolean truncated, int swiftCalls) {

    /**
     * An upload (key, id, initiator's display name, algorithm, time, initiator's id: empty when its marker has
     * none) or, when {@code uploadId} is null, a common prefix.
     */
    public record Entry(String key, UploadId uploadId, String initiator, String checksumAlgorithm,
            Instant initiated, String initiatorId) {
        public boolean isCommonPrefix() {
            return uploadId == null;
        }
    }

    /** One Swift listing call. */
    @FunctionalInterface
    public interface Lister {
        List<ObjectEntry> list(ListingQuery query) throws SwiftException;
    }

    /** The request's paging parameters; {@code null} for those not sent. */
    public record Request(String prefix, String delimiter, String keyMarker, String uploadIdMarker,
            int maxUploads) {
    }

    public UploadsPage {
        entries = List.copyOf(entries);
    }

    public static UploadsPage read(Request request, Lister lister) throws SwiftException {
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        String marker = startMarker(prefix, delimiter, request.keyMarker(), request.uploadIdMarker());
        List<Entry> entries = new ArrayList<>();
        int calls = 0;
        while (true) {
            int wanted = request.maxUploads() - entries.size() + 1;
            ListingQuery query = ListingQuery.all().withPrefix(SegmentsLayout.markerPrefix(prefix))
                    .withMarker(marker).withLimit(wanted);
            List<ObjectEntry> listed = lister.list(query);
            calls++;
            String restartAfter = null;
            for (ObjectEntry listedEntry : listed) {
                Optional<SegmentsLayout.MarkerName> name = listedEntry.isSubdir() ? Optional.empty()
                        : SegmentsLayout.parseMarker(listedEntry.name());
                if (name.isEmpty() || UploadInfo.isFinishedMarker(listedEntry.contentType())) {
                    // A completed upload whose clean-up did not end is not in progress (a sweeper removes it).
                    continue;
                }
                if (entries.size() == request.maxUploads()) {
                    return new UploadsPage(entries, true, calls);
                }
                String key = name.get().key();
                String commonPrefix = commonPrefix(key, prefix, delimiter);
                if (commonPrefix != null) {
                    entries.add(new Entry(commonPrefix, null, null, null, null, null));
                    restartAfter = SegmentsLayout.afterKeyPrefix(commonPrefix);
                    break;
                }
                var listedParameters = UploadInfo.listedParameters(listedEntry.contentType());
                entries.add(new Entry(key, name.get().uploadId(), listedParameters.getOrDefault("initiator", ""),
                        listedParameters.get("checksum"), name.get().uploadId().initiated(),
                        listedParameters.getOrDefault("initiator-id", "")));
            }
            if (restartAfter != null) {
                if (entries.size() == request.maxUploads()) {
                    // Whether anything follows the last common prefix takes one more (small) call.
                    List<ObjectEntry> after = lister.list(ListingQuery.all()
                            .withPrefix(SegmentsLayout.markerPrefix(prefix)).withMarker(restartAfter).withLimit(1));
                    return new UploadsPage(entries, !after.isEmpty(), calls + 1);
                }
                marker = restartAfter;
                continue;
            }
            if (listed.size() == wanted) {
                // Full, yet the page is not: some entries were skipped. Go on where the listing ended.
                marker = listed.get(listed.size() - 1).name();
                continue;
            }
            return new UploadsPage(entries, false, calls);
        }
    }

    private static String startMarker(String prefix, String delimiter, String keyMarker, String uploadIdMarker) {
        if (keyMarker == null || keyMarker.isEmpty()) {
            return null;
        }
        String commonPrefix = commonPrefix(keyMarker, prefix, delimiter);
        if (commonPrefix != null) {
            // Every key under a common prefix already returned was rolled into it: start past all of them.
            return SegmentsLayout.afterKeyPrefix(commonPrefix);
        }
        if (uploadIdMarker != null && !uploadIdMarker.isEmpty() && UploadId.isWellFormed(uploadIdMarker)) {
            return SegmentsLayout.marker(keyMarker, new UploadId(uploadIdMarker));
        }
        return SegmentsLayout.afterKey(keyMarker);
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null || !key.startsWith(prefix)) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    /** The last entry, for NextKeyMarker / NextUploadIdMarker; empty for an empty page. */
    public Optional<Entry> last() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }
}
