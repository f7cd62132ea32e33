package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.tagging.TagScope;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.Tagging;
import io.s3multi.swift.SwiftHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Get/Put/DeleteObjectTagging: an object's tags are reserved metadata ({@link StoredTags}), changed by a Swift
 * metadata {@code POST} ({@link MetadataPost}, with its limits), so the object's bytes and ETag stay as they are.
 * The tags of any version can be read ({@code versionId}), those of the current version changed, those of a
 * noncurrent version not at all ({@code NotImplemented}): Swift refuses a POST to a version by id.
 */
public final class ObjectTagging {

    private ObjectTagging() {
    }

    public static S3Response get(S3Call call) {
        SwiftHeaders stored = MetadataPost.asked(call);
        return S3Response.xml(StoredTags.ofObject(stored).toDocument())
                .withHeader(VersionHeaders.VERSION_ID, VersionHeaders.swiftVersionId(stored).orElse(null));
    }

    /** 200 with no body, as S3 answers. */
    public static S3Response put(S3Call call) {
        MetadataPost.requireCurrentVersion(call, "tags");
        TagSet tags = TagSet.fromDocument(readBody(call), TagScope.OBJECT);
        replaceTags(call, tags);
        return S3Response.status(200);
    }

    /** 204, as S3 answers, also when the object had no tags. */
    public static S3Response delete(S3Call call) {
        MetadataPost.requireCurrentVersion(call, "tags");
        replaceTags(call, TagSet.empty());
        return S3Response.noContent();
    }

    private static void replaceTags(S3Call call, TagSet tags) {
        SwiftHeaders stored = MetadataPost.head(call);
        if (tags.isEmpty() && stored.names().stream().noneMatch(StoredTags::isObjectTagPiece)) {
            return;  // nothing to remove: no POST, so Last-Modified stays
        }
        MetadataPost.post(call, ObjectWriter.withTags(MetadataPost.kept(stored, StoredTags::isObjectTagPiece), tags));
    }

    private static Tagging readBody(S3Call call) {
        try (InputStream body = call.body().open(Set.of()).stream()) {
            return S3Xml.read(body, Tagging.class, S3Xml.MAX_CONFIGURATION_BYTES);
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }
}
