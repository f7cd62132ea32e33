package io.s3multi.s3.contract;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.swift.SwiftHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How tags are kept in Swift: an object's as reserved object metadata, a bucket's as reserved container metadata.
 *
 * <p>The tag set is stored in {@link TagSet#storedForm() one ASCII form}, cut into pieces of at most 256 bytes
 * (Swift's {@code max_meta_value_length}) under {@link ReservedMetadata#TAGS_PREFIX}{@code 1}, {@code 2}, ... on
 * the object, {@link ReservedMetadata#CONTAINER_TAGS_PREFIX}{@code 1}, ... on the container; reading joins the
 * pieces from {@code 1} up to the first missing one. No pieces: no tags.
 *
 * <p>Room: Swift keeps at most 4,096 bytes of metadata (names after the prefix plus values) and 90 items per object
 * or container ({@code max_meta_overall_size}, {@code max_meta_count}; Swift's defaults, which the gateway assumes
 * as it does for user metadata). AWS counts an object's tags apart from its 2 KB of user metadata, Swift does not,
 * so a tag set that AWS takes may not fit: ten tags of 128 and 256 characters need about 3.9 KB. Such a set is
 * refused with {@code 400 InvalidTag} whose message gives the sizes, before anything is written. On an object the
 * tags share the room with its user metadata and 512 bytes (10 items) kept for the gateway's own entries; on a
 * container with whatever metadata the container holds.
 */
public final class StoredTags {

    /** Swift's {@code max_meta_value_length}: the longest piece. */
    static final int PIECE_BYTES = 256;

    // Swift's defaults for metadata per object or container.
    private static final int SWIFT_MAX_META_BYTES = 4096;
    private static final int SWIFT_MAX_META_COUNT = 90;

    /** The most pieces a container POST names: every piece a set that fits could have. */
    static final int MAX_PIECES = SWIFT_MAX_META_BYTES / PIECE_BYTES;

    // Kept on an object for the gateway's other reserved entries (S3 ETag, upload, parts, binding, checksum).
    private static final int OBJECT_RESERVED_BYTES = 512;
    private static final int OBJECT_RESERVED_ITEMS = 10;

    private static final String OBJECT_META = "X-Object-Meta-";
    private static final String CONTAINER_META = "X-Container-Meta-";

    private StoredTags() {
    }

    /** The object metadata headers that store {@code tags}; none for no tags. */
    public static SwiftHeaders objectHeaders(TagSet tags) {
        return pieces(ReservedMetadata.TAGS_PREFIX, tags);
    }

    /** The tags an object's (or upload marker's) headers hold. */
    public static TagSet ofObject(SwiftHeaders stored) {
        return TagSet.fromStoredForm(joined(stored, ReservedMetadata.TAGS_PREFIX));
    }

    /** Whether an object header is a piece of its tags (a metadata POST that changes the tags leaves it out). */
    public static boolean isObjectTagPiece(String swiftHeader) {
        return startsWithIgnoringCase(swiftHeader, ReservedMetadata.TAGS_PREFIX);
    }

    /**
     * The container POST headers that make {@code tags} the bucket's tags: its pieces, and the removal of every
     * other piece a tag set could have had (a container POST keeps metadata it does not name). One POST, so two
     * writers never leave a mix of their pieces.
     */
    public static SwiftHeaders containerHeaders(TagSet tags) {
        SwiftHeaders pieces = pieces(ReservedMetadata.CONTAINER_TAGS_PREFIX, tags);
        SwiftHeaders.Builder headers = pieces.toBuilder();
        for (int i = pieces.fields().size() + 1; i <= MAX_PIECES; i++) {
            headers.set(ReservedMetadata.CONTAINER_TAGS_REMOVE_PREFIX + i, "x");
        }
        return headers.build();
    }

    /** The tags a container's headers (HEAD) hold. */
    public static TagSet ofContainer(SwiftHeaders container) {
        return TagSet.fromStoredForm(joined(container, ReservedMetadata.CONTAINER_TAGS_PREFIX));
    }

    /**
     * Refuses tags that would not fit beside an object's user metadata.
     *
     * @param objectHeaders the headers the object is written with (or re-written by a POST), tags excluded
     * @throws S3Exception {@code InvalidTag} when they do not fit
     */
    public static void requireRoomOnObject(SwiftHeaders objectHeaders, TagSet tags) {
        int bytes = OBJECT_RESERVED_BYTES;
        int items = OBJECT_RESERVED_ITEMS;
        for (Map.Entry<String, String> field : objectHeaders.fields()) {
            if (startsWithIgnoringCase(field.getKey(), OBJECT_META) && !ReservedMetadata.isReserved(field.getKey())) {
                bytes += metaBytes(field, OBJECT_META);
                items++;
            }
        }
        requireRoom(pieces(ReservedMetadata.TAGS_PREFIX, tags), OBJECT_META, bytes, items, "object");
    }

    /**
     * Refuses tags that would not fit beside a container's other metadata.
     *
     * @param containerHead the container's headers (HEAD)
     * @throws S3Exception {@code InvalidTag} when they do not fit
     */
    public static void requireRoomOnContainer(SwiftHeaders containerHead, TagSet tags) {
        int bytes = 0;
        int items = 0;
        for (Map.Entry<String, String> field : containerHead.fields()) {
            if (startsWithIgnoringCase(field.getKey(), CONTAINER_META)
                    && !startsWithIgnoringCase(field.getKey(), ReservedMetadata.CONTAINER_TAGS_PREFIX)) {
                bytes += metaBytes(field, CONTAINER_META);
                items++;
            }
        }
        requireRoom(pieces(ReservedMetadata.CONTAINER_TAGS_PREFIX, tags), CONTAINER_META, bytes, items, "bucket");
    }

    private static void requireRoom(SwiftHeaders tagPieces, String prefix, int usedBytes, int usedItems,
                                    String resource) {
        int bytes = 0;
        for (Map.Entry<String, String> field : tagPieces.fields()) {
            bytes += metaBytes(field, prefix);
        }
        int items = tagPieces.fields().size();
        if (items == 0) {
            return;
        }
        if (usedBytes + bytes > SWIFT_MAX_META_BYTES || usedItems + items > SWIFT_MAX_META_COUNT) {
            throw S3Exception.invalidTag("The tag set takes " + bytes + " bytes of Swift metadata; this " + resource
                    + " has room for " + Math.max(0, SWIFT_MAX_META_BYTES - usedBytes) + " (Swift keeps "
                    + SWIFT_MAX_META_BYTES + " bytes of metadata per " + resource + ", other metadata included).")
                    .withReason("swiftMetadataLimit");
        }
    }

    private static int metaBytes(Map.Entry<String, String> field, String prefix) {
        return field.getKey().length() - prefix.length() + field.getValue().getBytes(StandardCharsets.UTF_8).length;
    }

    private static SwiftHeaders pieces(String prefix, TagSet tags) {
        return pieces(prefix, tags.storedForm());
    }

    /** A stored form cut into pieces named {@code <prefix>1}, {@code <prefix>2}, ... (also {@link StoredAcl}'s). */
    static SwiftHeaders pieces(String prefix, String form) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        for (int start = 0, piece = 1; start < form.length(); start += PIECE_BYTES, piece++) {
            headers.set(prefix + piece, form.substring(start, Math.min(form.length(), start + PIECE_BYTES)));
        }
        return headers.build();
    }

    /** The pieces under {@code prefix} joined, from {@code 1} up to the first missing one. */
    static String joined(SwiftHeaders stored, String prefix) {
        StringBuilder form = new StringBuilder();
        for (int i = 1; ; i++) {
            String piece = stored.get(prefix + i);
            if (piece == null || piece.isEmpty()) {
                return form.toString();
            }
            form.append(piece.trim());
        }
    }

    static boolean startsWithIgnoringCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
