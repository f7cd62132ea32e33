package io.s3multi.s3.contract;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.SwiftHeaders;
import java.util.Optional;

/**
 * How an object's own ACL is kept in Swift: its stored form (a text {@code io.s3multi.s3.access.acl.ObjectAclMetadata}
 * writes and reads) cut into pieces of at most 256 bytes under {@link ReservedMetadata#ACL_PREFIX}{@code 1},
 * {@code 2}, ..., as tags are ({@link StoredTags}). No pieces: the object has no ACL of its own.
 *
 * <p>Room: an ACL takes at most {@value #MAX_PIECES} pieces (1 KiB, some 40 grants to accounts), so that it leaves
 * Swift's 4 KiB of metadata per object to the user's metadata and tags; a larger one is refused before anything is
 * written.
 */
public final class StoredAcl {

    /** The most pieces an object's ACL may take. */
    public static final int MAX_PIECES = 4;

    private StoredAcl() {
    }

    /**
     * The object metadata headers that store {@code form}.
     *
     * @throws S3Exception {@code InvalidArgument} when it needs more than {@value #MAX_PIECES} pieces
     */
    public static SwiftHeaders objectHeaders(String form) {
        if (form.length() > MAX_PIECES * StoredTags.PIECE_BYTES) {
            throw S3Exception.invalidArgument("x-amz-acl", null, "The ACL takes " + form.length()
                    + " bytes of Swift metadata; an object keeps at most " + MAX_PIECES * StoredTags.PIECE_BYTES + ".");
        }
        return StoredTags.pieces(ReservedMetadata.ACL_PREFIX, form);
    }

    /** The stored form an object's (or upload marker's) headers hold, if any. */
    public static Optional<String> ofObject(SwiftHeaders stored) {
        return Optional.of(StoredTags.joined(stored, ReservedMetadata.ACL_PREFIX)).filter(form -> !form.isEmpty());
    }

    /** Whether an object header is a piece of its ACL (a metadata POST that changes the ACL leaves it out). */
    public static boolean isObjectAclPiece(String swiftHeader) {
        return StoredTags.startsWithIgnoringCase(swiftHeader, ReservedMetadata.ACL_PREFIX);
    }
}
