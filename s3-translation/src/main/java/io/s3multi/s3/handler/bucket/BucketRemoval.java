package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DeleteBucket: deletes the container, then what multipart uploads left beside it, then the registry record.
 *
 * <ol>
 *   <li>The container DELETE decides: Swift refuses to delete a container that holds objects (409, which is
 *       {@code BucketNotEmpty}), so emptiness is checked atomically by Swift, not by a listing here.</li>
 *   <li>The segments container {@code <bucket>_segments} goes next. It can only hold parts of uploads that
 *       were never completed (a completed upload is an object, which would have kept the bucket): as Swift's
 *       own s3api does, those parts are deleted with the bucket, so no segment is orphaned. (AWS likewise lets
 *       a bucket go when it holds no objects.)</li>
 *   <li>Last, the name is released in the registry, so another account can create it.</li>
 * </ol>
 * A missing bucket is {@code NoSuchBucket}, or {@code AccessDenied} when another account owns the name; a
 * registry record of the caller's own account without a container (the container was deleted with the Swift
 * API) is cleaned up on the way. The answer is 204.
 */
public final class BucketRemoval {

    /** The suffix of the container that holds multipart segments (design: storage layout). */
    public static final String SEGMENTS_SUFFIX = "_segments";

    private static final Logger LOG = LoggerFactory.getLogger(BucketRemoval.class);

    private final BucketRegistry registry;
    private final BucketPresence presence;

    public BucketRemoval(BucketRegistry registry, BucketPresence presence) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    public S3Response deleteBucket(S3Call call) {
        String bucket = call.bucket();
        String account = call.identity().swiftAccount();
        boolean deleted = S3Failures.mapped(SwiftStatusMapper.Target.bucket(bucket),
                () -> S3Failures.unlessNotFound(() -> call.swift().containers().delete(bucket))).isPresent();
        if (!deleted) {
            throw missing(call, bucket, account);
        }
        deleteSegments(call.swift(), bucket + SEGMENTS_SUFFIX);
        release(bucket, account);
        return S3Response.noContent();
    }

    private S3Exception missing(S3Call call, String bucket, String account) {
        Optional<String> owner = presence.ownerOf(bucket);
        if (owner.isPresent() && owner.get().equals(account)) {
            release(bucket, account);  // a stale record: the container went away behind the gateway's back
        }
        return presence.missing(call);
    }

    /** Best effort: the bucket is already gone, so a failure here is logged, not answered. */
    private static void deleteSegments(SwiftAccount swift, String segments) {
        try {
            swift.containers().delete(segments);
            return;
        } catch (SwiftHttpStatusException failure) {
            if (failure.status() == 404) {
                return;
            }
            if (failure.status() != 409) {
                LOG.warn("could not delete {} after its bucket: {}", segments, failure.getMessage());
                return;
            }
        } catch (SwiftException failure) {
            LOG.warn("could not delete {} after its bucket: {}", segments, failure.getMessage());
            return;
        }
        try {
            Iterable<ObjectPath> leftovers = () -> swift.containers()
                    .listAllObjects(segments, ListingQuery.all()).stream()
                    .map(entry -> new ObjectPath(segments, entry.name()))
                    .iterator();
            swift.bulkDelete().delete(leftovers);
            swift.containers().delete(segments);
        } catch (SwiftException | UncheckedIOException failure) {
            LOG.warn("could not delete the segments left in {} after its bucket: {}", segments,
                    failure.getMessage());
        }
    }

    private void release(String bucket, String account) {
        try {
            registry.release(bucket, account);
        } catch (SwiftException failure) {
            // The name stays recorded for this account, which may create it again; no other account can.
            LOG.warn("could not release the registry record of {} for {}: {}", bucket, account, failure.getMessage());
        }
    }
}
