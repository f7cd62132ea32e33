package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.ObjectMetadata;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.tagging.TagScope;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.s3.version.ObjectVersions;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.version.VersionId;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.Tagging;
import io.s3multi.swift.SwiftHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Get/Put/DeleteObjectTagging: an object's tags are reserved metadata ({@link StoredTags}), changed by a Swift
 * metadata {@code POST}, so the object's bytes and ETag stay as they are.
 *
 * <p>A Swift object POST replaces every {@code X-Object-Meta-*} and the content headers Swift lets a POST set, so
 * the POST re-sends what the object's HEAD showed: user metadata, the gateway's reserved metadata (S3 ETag, upload,
 * checksum, ...: values only the gateway could have written, read back from Swift, so nothing a client sent can
 * become reserved), {@code Content-Encoding}, {@code Content-Disposition}, {@code Content-Language},
 * {@code Cache-Control}, {@code Expires}, {@code X-Delete-At} and a Dynamic Large Object's
 * {@code X-Object-Manifest} (without it a POST turns a DLO into a plain empty object). {@code Content-Type} is not
 * sent: Swift keeps it, and with it the S3 ETag that listings read from it.
 *
 * <p>Limits, as measured on Swift 2.30:
 * <ul>
 *   <li>Swift sets the object's {@code Last-Modified} (HEAD and listing alike) to the time of the POST; S3 does
 *       not change it for a tagging change;</li>
 *   <li>Swift has no conditional POST ({@code If-Match} is ignored), so between the HEAD and the POST another
 *       client's PutObject of the same key can land, and the POST then gives the new object the old one's metadata
 *       (with the new tags). The window is one round trip to Swift;</li>
 *   <li>Swift refuses a POST to a version by id ({@code ?version-id=}, 400, even for the current one): the tags
 *       of any version can be read ({@code versionId}), those of the current version changed (a POST to the
 *       key, once its HEAD shows that version current), those of a noncurrent version not at all
 *       ({@code NotImplemented}).</li>
 * </ul>
 */
public final class ObjectTagging {

    /** What a Swift POST keeps only when it is sent again (Content-Type it keeps by itself). */
    private static final List<String> RESENT_HEADERS = List.of("Content-Encoding", "Content-Disposition",
            "Content-Language", "Cache-Control", "Expires", "X-Delete-At", "X-Object-Manifest");

    private ObjectTagging() {
    }

    public static S3Response get(S3Call call) {
        SwiftHeaders stored = VersionId.fromQuery(call.request()).filter(version -> !version.isNull())
                .map(version -> ObjectVersions.onVersion(call.swift(), call.bucket(), call.key(), version, "GET",
                        () -> call.swift().objects().headVersion(call.bucket(), call.key(), version.value(),
                                SwiftHeaders.empty())).headers())
                .orElseGet(() -> head(call));
        return S3Response.xml(StoredTags.ofObject(stored).toDocument())
                .withHeader(VersionHeaders.VERSION_ID, VersionHeaders.swiftVersionId(stored).orElse(null));
    }

    /** 200 with no body, as S3 answers. */
    public static S3Response put(S3Call call) {
        requireCurrentVersion(call);
        TagSet tags = TagSet.fromDocument(readBody(call), TagScope.OBJECT);
        replaceTags(call, tags);
        return S3Response.status(200);
    }

    /** 204, as S3 answers, also when the object had no tags. */
    public static S3Response delete(S3Call call) {
        requireCurrentVersion(call);
        replaceTags(call, TagSet.empty());
        return S3Response.noContent();
    }

    private static void replaceTags(S3Call call, TagSet tags) {
        SwiftHeaders stored = head(call);
        if (tags.isEmpty() && stored.names().stream().noneMatch(StoredTags::isObjectTagPiece)) {
            return;  // nothing to remove: no POST, so Last-Modified stays
        }
        SwiftHeaders.Builder kept = SwiftHeaders.builder();
        for (String name : RESENT_HEADERS) {
            Optional.ofNullable(stored.get(name)).ifPresent(value -> kept.set(name, value));
        }
        for (Map.Entry<String, String> field : stored.fields()) {
            String name = field.getKey();
            if (ObjectMetadata.isUserMetadata(name)
                    || (ReservedMetadata.isReserved(name) && !StoredTags.isObjectTagPiece(name))) {
                kept.add(name, field.getValue());
            }
        }
        SwiftHeaders post = ObjectWriter.withTags(kept.build(), tags);
        S3Failures.onObject(call.swift(), call.bucket(), call.key(),
                () -> call.swift().objects().post(call.bucket(), call.key(), post));
    }

    private static SwiftHeaders head(S3Call call) {
        return S3Failures.onObject(call.swift(), call.bucket(), call.key(),
                () -> call.swift().objects().head(call.bucket(), call.key(), SwiftHeaders.empty())).headers();
    }

    private static Tagging readBody(S3Call call) {
        try (InputStream body = call.body().open(Set.of()).stream()) {
            return S3Xml.read(body, Tagging.class, S3Xml.MAX_CONFIGURATION_BYTES);
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    /**
     * Refuses a {@code versionId} that is not the key's current version: Swift can change only the current
     * version's metadata. {@code null} is the current object of an unversioned or suspended bucket.
     */
    private static void requireCurrentVersion(S3Call call) {
        Optional<VersionId> version = VersionId.fromQuery(call.request()).filter(id -> !id.isNull());
        if (version.isEmpty()
                || version.get().value().equals(VersionHeaders.swiftVersionId(head(call)).orElse(null))) {
            return;
        }
        ObjectVersions.onVersion(call.swift(), call.bucket(), call.key(), version.get(), call.request().method(),
                () -> call.swift().objects().headVersion(call.bucket(), call.key(), version.get().value(),
                        SwiftHeaders.empty()));
        throw S3Exception.notImplemented("The tags of a noncurrent version cannot be changed: Swift does not change"
                + " the metadata of an older version.");
    }
}
