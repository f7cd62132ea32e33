package io.s3multi.s3.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.tagging.TagScope;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.s3.xml.documents.Tagging;
import io.s3multi.swift.SwiftHeaders;
import org.junit.jupiter.api.Test;

class StoredTagsTest {

    @Test
    void aLongTagSetIsStoredInPiecesOfAtMost256BytesAndReadsBack() {
        TagSet tags = tags(10, 100, 200);
        SwiftHeaders stored = StoredTags.objectHeaders(tags);
        assertTrue(stored.fields().size() > 1);
        stored.fields().forEach(field -> {
            assertTrue(field.getValue().length() <= 256, field.getKey());
            assertTrue(ReservedMetadata.isReserved(field.getKey()), field.getKey());
            assertTrue(StoredTags.isObjectTagPiece(field.getKey()), field.getKey());
        });
        assertEquals(tags.tags(), StoredTags.ofObject(stored).tags());
        assertTrue(StoredTags.objectHeaders(TagSet.empty()).isEmpty());
        assertTrue(StoredTags.ofObject(SwiftHeaders.empty()).isEmpty());
    }

    @Test
    void aContainerPostNamesEveryPieceAndRemovesTheUnused() {
        SwiftHeaders post = StoredTags.containerHeaders(TagSet.fromHeader("a=1"));
        assertEquals("a=1", post.get("X-Container-Meta-S3multi-Tags-1"));
        assertEquals("x", post.get("X-Remove-Container-Meta-S3multi-Tags-2"));
        assertEquals("x", post.get("X-Remove-Container-Meta-S3multi-Tags-16"));
        assertNull(post.get("X-Remove-Container-Meta-S3multi-Tags-1"));
        assertEquals(TagSet.fromHeader("a=1").tags(), StoredTags.ofContainer(post).tags());
        assertTrue(ReservedMetadata.isReservedSwiftRequestHeader("x-container-meta-s3multi_tags-1"));
        assertTrue(ReservedMetadata.isReservedSwiftRequestHeader("X-Remove-Container-Meta-S3multi-Tags-1"));
    }

    @Test
    void tagsThatDoNotFitBesideTheUserMetadataAreInvalidTags() {
        SwiftHeaders.Builder user = SwiftHeaders.builder();
        for (int i = 0; i < 8; i++) {
            user.set("X-Object-Meta-M" + i, "v".repeat(250));  // 2 KB of user metadata, as AWS allows
        }
        TagSet small = tags(10, 10, 20);
        StoredTags.requireRoomOnObject(user.build(), small);
        TagSet large = tags(10, 60, 120);
        StoredTags.requireRoomOnObject(SwiftHeaders.empty(), large);
        S3Exception refused = assertThrows(S3Exception.class,
                () -> StoredTags.requireRoomOnObject(user.build(), large));
        assertEquals("InvalidTag", refused.code().wireCode());
        assertTrue(refused.getMessage().contains("bytes of Swift metadata"), refused.getMessage());
        StoredTags.requireRoomOnObject(user.build(), TagSet.empty());
    }

    @Test
    void anObjectsAclPiecesShareTheRoomWithItsTagsWhicheverIsWrittenLast() {
        TagSet large = tags(10, 90, 200);
        SwiftHeaders acl = StoredAcl.objectHeaders("g".repeat(StoredAcl.MAX_PIECES * StoredTags.PIECE_BYTES));
        StoredTags.requireRoomOnObject(SwiftHeaders.empty(), large);
        StoredTags.requireRoomForAcl(SwiftHeaders.empty(), acl);
        SwiftHeaders.Builder reservedBesideThem = SwiftHeaders.builder().set("X-Object-Meta-S3multi-Etag", "e-1");

        S3Exception tagsRefused = assertThrows(S3Exception.class,
                () -> StoredTags.requireRoomOnObject(reservedBesideThem.build().toBuilder().addAll(acl).build(), large));
        assertEquals("InvalidTag", tagsRefused.code().wireCode());

        SwiftHeaders tagged = reservedBesideThem.build().toBuilder().addAll(StoredTags.objectHeaders(large)).build();
        S3Exception aclRefused = assertThrows(S3Exception.class, () -> StoredTags.requireRoomForAcl(tagged, acl));
        assertEquals("MalformedACLError", aclRefused.code().wireCode());
        assertTrue(aclRefused.getMessage().contains("bytes of Swift metadata"), aclRefused.getMessage());
        StoredTags.requireRoomForAcl(tagged, StoredAcl.objectHeaders("g".repeat(100)));
        StoredTags.requireRoomOnObject(tagged.toBuilder().addAll(acl).build(), TagSet.empty());
        // the pieces being replaced do not count against their successors
        StoredTags.requireRoomForAcl(tagged.toBuilder().addAll(acl).build(), StoredAcl.objectHeaders("g".repeat(100)));
        StoredTags.requireRoomOnObject(tagged, large);
    }

    @Test
    void aContainersOwnMetadataCountsButItsOldTagsDoNot() {
        TagSet tags = tags(20, 60, 100);
        SwiftHeaders oldTags = StoredTags.objectHeaders(tags(30, 60, 100)).fields().stream()
                .reduce(SwiftHeaders.builder(), (b, f) -> b.set(f.getKey().replace("Object", "Container"),
                        f.getValue()), (a, b) -> a).build();
        StoredTags.requireRoomOnContainer(oldTags, tags);
        SwiftHeaders crowded = SwiftHeaders.of("X-Container-Meta-Notes", "n".repeat(256), "X-Container-Meta-More",
                "m".repeat(256), "X-Container-Meta-Most", "m".repeat(256));
        assertThrows(S3Exception.class, () -> StoredTags.requireRoomOnContainer(crowded, tags));
    }

    private static TagSet tags(int count, int keyLength, int valueLength) {
        Tagging document = new Tagging();
        for (int i = 0; i < count; i++) {
            document.addTag(String.format("%0" + keyLength + "d", i), "v".repeat(valueLength));
        }
        return TagSet.fromDocument(document, count > 10 ? TagScope.BUCKET : TagScope.OBJECT);
    }
}
