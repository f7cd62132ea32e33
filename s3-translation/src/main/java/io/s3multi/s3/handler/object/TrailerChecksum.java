package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.StoredObject;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import java.util.Optional;

/**
 * Stores the checksum of an aws-chunked trailer onto the object a PutObject's Swift PUT stored, with a metadata POST
 * after that PUT (see {@link ObjectWriter}), but only while that object is still the key's current one.
 *
 * <p>Swift has no conditional POST, and a POST replaces all of an object's metadata: one landing on a later writer's
 * object would replace that writer's user metadata, content headers, tags, ACL and, in a locked bucket, its
 * retention and legal hold. So the key is looked at first, with a HEAD that asks every replica ({@code X-Newest}),
 * and the POST is sent only when the current object is the one the PUT was answered with: the same Swift ETag and,
 * where Swift named the PUT's version, the same version id. That leaves one round trip (this HEAD to the POST) instead of
 * the whole upload for a later writer to land in; the checksum's binding to the PUT's ETag
 * ({@link ReservedMetadata#CHECKSUM_OF}) still keeps it off other bytes that land in it. A later writer of the very
 * same bytes in an unversioned bucket has the same ETag and no version id: it still gets this request's metadata.
 *
 * <p>When the key holds something else (a later writer's object, or nothing: deleted meanwhile), nothing is
 * posted and the PutObject still succeeds, as on AWS, where a write that lost the race to a later one succeeded
 * too: its bytes are superseded (or a noncurrent version) and all they lose is their stored checksum. The cost is
 * one HEAD more per such PutObject.
 */
final class TrailerChecksum {

    private TrailerChecksum() {
    }

    /**
     * @param metadata every metadata header the PUT stored, re-sent because a Swift POST replaces them all
     * @param put      Swift's answer to the PUT: its ETag (and version id) name the object the checksum is for
     * @return whether the checksum was posted (false: the key no longer holds that object)
     */
    static boolean store(SwiftAccount swift, String bucket, String key, SwiftHeaders metadata,
                         DigestAlgorithm algorithm, String value, SwiftReply put) {
        String computedFor = put.etag();
        if (computedFor == null || computedFor.isBlank()) {
            throw S3Exception.internalError("Swift answered the object's PUT without an ETag");
        }
        SwiftHeaders post = metadata.toBuilder()
                .add(ReservedMetadata.checksum(algorithm), value)
                .add(ReservedMetadata.CHECKSUM_TYPE, ReservedMetadata.FULL_OBJECT)
                .add(ReservedMetadata.CHECKSUM_OF, computedFor.trim())
                .build();
        // A key deleted since the PUT (404; 409 when Swift's versioning finds the current version gone) keeps no
        // checksum: the PUT itself succeeded, and a client retrying it would bring back what a later request deleted.
        return S3Failures.onObject(swift, bucket, key, () -> {
            Optional<SwiftHeaders> current = S3Failures.unlessNotFound(
                    () -> swift.objects().head(bucket, key, SwiftHeaders.newest()).headers());
            if (current.isEmpty() || !isStoredBy(put, current.get())) {
                return false;
            }
            return S3Failures.unlessStatus(409, () -> S3Failures.unlessNotFound(
                    () -> swift.objects().post(bucket, key, post))).isPresent();
        });
    }

    /** Whether the key's current object ({@code current}, a HEAD's answer) is the one {@code put} stored. */
    private static boolean isStoredBy(SwiftReply put, SwiftHeaders current) {
        if (!StoredObject.unquoted(put.etag()).equalsIgnoreCase(StoredObject.unquoted(current.get("ETag")))) {
            return false;
        }
        Optional<String> ours = VersionHeaders.swiftVersionId(put.headers());
        Optional<String> theirs = VersionHeaders.swiftVersionId(current);
        return ours.isEmpty() || ours.equals(theirs);
    }
}
