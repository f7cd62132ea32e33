package io.s3multi.s3.contract;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.swift.SwiftHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

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
 * tags share the room with its user metadata, its ACL's pieces ({@link StoredAcl}) and 512 bytes (10 items) kept
 * for the gateway's own small entries; on a container with whatever metadata the container holds. The same count
 * refuses an object ACL that would not fit beside the tags ({@code MalformedACLError}, as AWS refuses an ACL it
 * cannot keep), so neither write ever reaches Swift's limit as Swift's own 400.
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
     * Refuses tags that would not fit beside an object's user metadata and its ACL.
     *
     * @param objectHeaders the headers the object is written with (or re-written by a POST), tags excluded, its
     *                      ACL pieces ({@link StoredAcl}) included
     * @throws S3Exception {@code InvalidTag} when they do not fit
     */
    public static void requireRoomOnObject(SwiftHeaders objectHeaders, TagSet tags) {
        SwiftHeaders adding = pieces(ReservedMetadata.TAGS_PREFIX, tags);
        if (!fitsOnObject(objectHeaders, adding, StoredTags::isObjectTagPiece)) {
            throw S3Exception.invalidTag("The tag set takes " + bytes(adding, OBJECT_META) + " bytes of Swift metadata;"
                    + " this object has room for " + roomLeft(objectHeaders, StoredTags::isObjectTagPiece)
                    + " (Swift keeps " + SWIFT_MAX_META_BYTES + " bytes of metadata per object, other metadata"
                    + " included).").withReason("swiftMetadataLimit");
        }
    }

    /**
     * Refuses an object ACL that would not fit beside the object's user metadata and tags. AWS refuses an ACL it
     * cannot keep (more than 100 grants) with {@code MalformedACLError}, so this does too.
     *
     * @param objectHeaders the object's headers as a metadata POST keeps them, tags included
     * @param aclPieces     the pieces of the new ACL ({@link StoredAcl#objectHeaders})
     * @throws S3Exception {@code MalformedACLError} when it does not fit
     */
    public static void requireRoomForAcl(SwiftHeaders objectHeaders, SwiftHeaders aclPieces) {
        if (!fitsOnObject(objectHeaders, aclPieces, StoredAcl::isObjectAclPiece)) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_ACL, "The ACL takes " + bytes(aclPieces, OBJECT_META)
                    + " bytes of Swift metadata; this object has room for "
                    + roomLeft(objectHeaders, StoredAcl::isObjectAclPiece) + " beside its metadata and tags (Swift"
                    + " keeps " + SWIFT_MAX_META_BYTES + " bytes of metadata per object).")
                    .withReason("swiftMetadataLimit");
        }
    }

    /**
     * The one room count for an object: its user metadata, the pieces of its tags and of its ACL (the reserved
     * entries that grow with what a client asks for), and {@link #OBJECT_RESERVED_BYTES} kept for the gateway's
     * small entries; {@code adding} replaces whatever {@code replaced} names.
     */
    private static boolean fitsOnObject(SwiftHeaders objectHeaders, SwiftHeaders adding, Predicate<String> replaced) {
        if (adding.fields().isEmpty()) {
            return true;
        }
        int bytes = OBJECT_RESERVED_BYTES + bytes(adding, OBJECT_META);
        int items = OBJECT_RESERVED_ITEMS + adding.fields().size();
        for (Map.Entry<String, String> field : objectHeaders.fields()) {
            if (countsOnObject(field.getKey()) && !replaced.test(field.getKey())) {
                bytes += metaBytes(field, OBJECT_META);
                items++;
            }
        }
        return bytes <= SWIFT_MAX_META_BYTES && items <= SWIFT_MAX_META_COUNT;
    }

    private static int roomLeft(SwiftHeaders objectHeaders, Predicate<String> replaced) {
        int used = OBJECT_RESERVED_BYTES;
        for (Map.Entry<String, String> field : objectHeaders.fields()) {
            if (countsOnObject(field.getKey()) && !replaced.test(field.getKey())) {
                used += metaBytes(field, OBJECT_META);
            }
        }
        return Math.max(0, SWIFT_MAX_META_BYTES - used);
    }

    private static boolean countsOnObject(String header) {
        return startsWithIgnoringCase(header, OBJECT_META) && (!ReservedMetadata.isReserved(header)
                || isObjectTagPiece(header) || StoredAcl.isObjectAclPiece(header));
    }

    private static int bytes(SwiftHeaders fields, String prefix) {
        int bytes = 0;
        for (Map.Entry<String, String> field : fields.fields()) {
            bytes += metaBytes(field, prefix);
        }
        return bytes;
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
        int bytes = bytes(tagPieces, prefix);
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
