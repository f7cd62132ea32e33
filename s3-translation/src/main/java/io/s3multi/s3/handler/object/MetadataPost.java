package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.ObjectMetadata;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.version.ObjectVersions;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.version.VersionId;
import io.s3multi.swift.SwiftHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Changes some of the current version's reserved metadata (tags, Object Lock state) without rewriting its bytes: a
 * Swift metadata {@code POST}.
 *
 * <p>A Swift object POST replaces every {@code X-Object-Meta-*} and the content headers Swift lets a POST set, so
 * the POST re-sends what the object's HEAD showed: user metadata, the gateway's reserved metadata (S3 ETag, upload,
 * checksum, tags, lock, ...: values only the gateway could have written, read back from Swift, so nothing a client
 * sent can become reserved) but the names being replaced, {@code Content-Encoding}, {@code Content-Disposition},
 * {@code Content-Language}, {@code Cache-Control}, {@code Expires}, {@code X-Delete-At} and a Dynamic Large Object's
 * {@code X-Object-Manifest} (without it a POST turns a DLO into a plain empty object). {@code Content-Type} is not
 * sent: Swift keeps it, and with it the S3 ETag that listings read from it.
 *
 * <p>Limits, as measured on Swift 2.30: Swift sets the object's {@code Last-Modified} to the time of the POST (S3
 * does not); Swift has no conditional POST, so a PutObject of the same key landing between the HEAD and the POST
 * gets the old version's metadata (one round trip); Swift refuses a POST to a version by id, so only the current
 * version can be changed ({@link #requireCurrentVersion}).
 */
final class MetadataPost {

    /** What a Swift POST keeps only when it is sent again (Content-Type it keeps by itself). */
    private static final List<String> RESENT_HEADERS = List.of("Content-Encoding", "Content-Disposition",
            "Content-Language", "Cache-Control", "Expires", "X-Delete-At", "X-Object-Manifest");

    private MetadataPost() {
    }

    /** The current version's headers (HEAD of the key). */
    static SwiftHeaders head(S3Call call) {
        return S3Failures.onObject(call.swift(), call.bucket(), call.key(),
                () -> call.swift().objects().head(call.bucket(), call.key(), SwiftHeaders.empty())).headers();
    }

    /** What a POST must re-send of {@code stored}, without the reserved names {@code replaced} accepts. */
    static SwiftHeaders kept(SwiftHeaders stored, Predicate<String> replaced) {
        SwiftHeaders.Builder kept = SwiftHeaders.builder();
        for (String name : RESENT_HEADERS) {
            Optional.ofNullable(stored.get(name)).ifPresent(value -> kept.set(name, value));
        }
        for (Map.Entry<String, String> field : stored.fields()) {
            String name = field.getKey();
            if (ObjectMetadata.isUserMetadata(name)
                    || (ReservedMetadata.isReserved(name) && !replaced.test(name))) {
                kept.add(name, field.getValue());
            }
        }
        return kept.build();
    }

    /** POSTs {@code headers} (built from {@link #kept}) to the key. */
    static void post(S3Call call, SwiftHeaders headers) {
        S3Failures.onObject(call.swift(), call.bucket(), call.key(),
                () -> call.swift().objects().post(call.bucket(), call.key(), headers));
    }

    /**
     * Refuses a {@code versionId} that is not the key's current version: Swift can change only the current
     * version's metadata. {@code null} is the current object of an unversioned or suspended bucket.
     *
     * @param what what cannot be changed on a noncurrent version, e.g. {@code "tags"}
     */
    static void requireCurrentVersion(S3Call call, String what) {
        Optional<VersionId> version = VersionId.fromQuery(call.request()).filter(id -> !id.isNull());
        if (version.isEmpty()
                || version.get().value().equals(VersionHeaders.swiftVersionId(head(call)).orElse(null))) {
            return;
        }
        ObjectVersions.onVersion(call.swift(), call.bucket(), call.key(), version.get(), call.request().method(),
                () -> call.swift().objects().headVersion(call.bucket(), call.key(), version.get().value(),
                        SwiftHeaders.empty()));
        throw S3Exception.notImplemented("The " + what + " of a noncurrent version cannot be changed: Swift does not"
                + " change the metadata of an older version.");
    }

    /** The headers of the version the call names ({@code versionId}), else of the current version. */
    static SwiftHeaders asked(S3Call call) {
        return VersionId.fromQuery(call.request()).filter(version -> !version.isNull())
                .map(version -> ObjectVersions.onVersion(call.swift(), call.bucket(), call.key(), version, "GET",
                        () -> call.swift().objects().headVersion(call.bucket(), call.key(), version.value(),
                                SwiftHeaders.empty())).headers())
                .orElseGet(() -> head(call));
    }
}
