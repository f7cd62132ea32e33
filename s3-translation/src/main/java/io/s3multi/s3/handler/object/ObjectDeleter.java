package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.bulk.BulkDeleteError;
import io.s3multi.swift.bulk.BulkDeleteResult;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deletes one key the way S3 does: a key that does not exist is deleted already (S3 answers 204 either way), and
 * an object made by a multipart upload goes with its segments.
 *
 * <p>Swift's plain DELETE of a Static Large Object removes only the manifest and would orphan every segment,
 * while {@code ?multipart-manifest=delete} refuses a plain object ("Not an SLO manifest"). So the object is
 * looked at first (HEAD) and then deleted the way its kind needs. Between the two another client may replace
 * it; the worst outcome is the other kind of delete failing, which is reported, never an orphaned segment.
 *
 * <p>An object made by the s3multi stage also goes with whatever its upload stored that the manifest does not
 * name ({@link MultipartLeftovers}), once the manifest is gone.
 */
public final class ObjectDeleter {

    private ObjectDeleter() {
    }

    /**
     * Deletes {@code key} of {@code bucket}.
     *
     * @throws S3Exception {@code NoSuchBucket} when the bucket does not exist, or the S3 form of a Swift failure
     */
    public static void delete(SwiftAccount swift, String bucket, String key) {
        SwiftReply head;
        try {
            head = swift.objects().head(bucket, key, SwiftHeaders.empty());
        } catch (SwiftException failure) {
            if (SwiftFailures.isNotFound(failure)) {
                SwiftFailures.requireBucket(swift, bucket);
                return;
            }
            throw SwiftFailures.forObject(failure, swift, bucket, key);
        }
        Optional<MultipartLeftovers> leftovers = MultipartLeftovers.of(bucket, head.headers());
        try {
            if (new StoredObject(head.headers()).isStaticLargeObject()) {
                BulkDeleteResult result = swift.largeObjects().deleteWithSegments(bucket, key);
                if (!result.isComplete()) {
                    throw S3Exception.internalError("segments of " + bucket + "/" + key + " not deleted: "
                            + result.errors().stream().map(BulkDeleteError::toString)
                                    .collect(Collectors.joining(", ")));
                }
            } else {
                swift.objects().delete(bucket, key, SwiftHeaders.empty());
            }
        } catch (SwiftException failure) {
            if (!SwiftFailures.isNotFound(failure)) {
                throw SwiftFailures.forObject(failure, swift, bucket, key);
            }
        }
        leftovers.ifPresent(upload -> upload.delete(swift));
    }
}
