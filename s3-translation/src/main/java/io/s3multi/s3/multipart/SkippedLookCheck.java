package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a young upload's Complete that did not wait for {@link SegmentFreeBuckets}' trust to run out (this gateway
 * knows nothing of the bucket, so only another gateway can have trusted it): once no gateway can trust a look that
 * preceded the upload's segments container any more, looks at the key, and if a PutObject that skipped its look
 * replaced the new object there meanwhile, deletes the upload's segments, which nothing names any longer. Without
 * it they were orphaned until the sweeper's grace period (a day) had passed (docs/BENCHMARKS.md, "One Swift request
 * per small PutObject").
 *
 * <p>Costs one HEAD of the key, off the request path, per Complete within {@link SegmentFreeBuckets#TTL} plus
 * {@link SegmentFreeBuckets#CLOCK_MARGIN} of its upload's creation in a bucket this gateway has no knowledge of;
 * a replaced object costs the deletion of its segments besides, which the PutObject would otherwise have paid.
 *
 * <p>Only a key that shows another object, in a bucket without versioning, is cleaned: with versioning configured,
 * Swift may keep the replaced manifest as a noncurrent version that still names the segments (and a skipping
 * PutObject never happens there); a key that shows nothing may be a replica that has not seen the manifest. The key
 * is read with {@code X-Newest}, and only an object written after the upload began counts, so a replica that missed
 * the manifest cannot pass for a replacement. A check that
 * fails or finds nothing, or a gateway that stops before its checks are due, leaves the segments for the sweeper.
 */
public final class SkippedLookCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SkippedLookCheck.class);
    private static final ScheduledExecutorService CHECKS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "s3multi-skipped-look-check");
        thread.setDaemon(true);
        return thread;
    });
    private static final Set<Check> PENDING = ConcurrentHashMap.newKeySet();

    private SkippedLookCheck() {
    }

    private record Check(SwiftAccount swift, String bucket, String key, UploadId uploadId) {
    }

    /** Checks the object the Complete of {@code uploadId} wrote at {@code bucket/key} at {@code due}. */
    static void schedule(SwiftAccount swift, String bucket, String key, UploadId uploadId, Instant due,
            Clock clock) {
        Check check = new Check(swift, bucket, key, uploadId);
        PENDING.add(check);
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        CHECKS.schedule(() -> runOnce(check), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * For tests: runs every check that is not due yet now, on the caller's thread (a test that has made its
     * PutObject land knows that none can come later).
     */
    public static void runPendingForTests() {
        PENDING.forEach(SkippedLookCheck::runOnce);
    }

    private static void runOnce(Check check) {
        if (!PENDING.remove(check)) {
            return;
        }
        try {
            Optional<String> found = replacedWithoutVersions(check);
            if (found.isPresent()) {
                LOG.info("the object upload {} made at {}/{} is no longer there ({}): deleting its segments",
                        check.uploadId(), check.bucket(), check.key(), found.get());
                new UploadState(check.swift(), check.bucket()).deleteObjectSegments(check.uploadId());
            }
        } catch (SwiftException | RuntimeException e) {
            LOG.warn("could not check the object upload {} made at {}/{} (its segments, if replaced, are left for"
                    + " the sweeper): {}", check.uploadId(), check.bucket(), check.key(), e.toString());
        }
    }

    /**
     * What the key's newest replica shows instead of the upload's object, in a bucket without versioning; empty when
     * it shows that object or nothing, or versioning is configured.
     */
    private static Optional<String> replacedWithoutVersions(Check check) throws SwiftException {
        SwiftHeaders headers;
        try {
            headers = check.swift().objects().head(check.bucket(), check.key(),
                    SwiftHeaders.newest()).headers();
        } catch (SwiftException e) {
            if (S3Failures.isStatus(e, 404)) {
                // Deleted since (a DeleteObject looks at what it deletes), or a bucket gone: nothing to tell apart
                // from a replica that has not seen the manifest yet, which must not cost the object its segments.
                return Optional.empty();
            }
            throw e;
        }
        Optional<UploadId> claimed = CompletedManifest.claimedUpload(check.bucket(), check.key(), headers);
        if (VersionHeaders.versioningConfigured(headers) || claimed.equals(Optional.of(check.uploadId()))) {
            return Optional.empty();
        }
        // Only a write after the upload began can have replaced its object; an older one is a replica behind.
        Optional<Instant> written = SegmentFreeBuckets.timestamp(headers.get("X-Timestamp"));
        if (written.isEmpty() || !written.get().isAfter(check.uploadId().initiated())) {
            return Optional.empty();
        }
        return Optional.of(claimed.map(other -> "the object of upload " + other)
                .orElse("an object of " + headers.get("Content-Length") + " bytes"));
    }
}
