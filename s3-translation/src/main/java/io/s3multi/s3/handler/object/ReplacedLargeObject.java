package io.s3multi.s3.handler.object;

import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/**
 * The segments of a multipart object that a write is about to replace.
 *
 * <p>Swift's PUT over a manifest replaces only the manifest, so without this the old object's segments would
 * stay in {@code <bucket>_segments} forever. The rule (design §4) is that segments go once the new state is
 * durable: {@link #capture} looks at the old object before the write, {@link #deleteSegments} runs only after
 * Swift stored the new object. If the write fails, nothing is deleted and the old object stays whole. A failure
 * of the clean-up itself does not fail the client's request (its object is stored); it is logged as a leak.
 *
 * <p>Only what the old object's upload stored goes ({@link MultipartLeftovers}): a Static Large Object the gateway
 * did not complete at this key (written with the Swift API, or a copy of one) keeps every segment it names.
 *
 * <p>On a bucket with versioning (Swift's object versioning) a write replaces nothing but the null version: a
 * versioned object it replaces stays as a noncurrent version, and so does the null version when versioning is
 * enabled (Swift moves it into its versions under an id of its own). Its segments are then still named by that
 * version and must stay (they go when the version is deleted by id). So only the null version is captured
 * ({@link VersionHeaders#isNullVersion}), and its segments go only when the write's own answer carries no version id, i.e.
 * Swift really replaced it.
 *
 * <p>Costs one HEAD per write, plus one GET per manifest in the tree when the old object claims an upload; a
 * PutObject in a bucket known to hold no multipart object skips it ({@link ReplacedObjectProbe}).
 */
public final class ReplacedLargeObject {

    private static final ReplacedLargeObject NONE = new ReplacedLargeObject(Optional.empty(), false);

    private final Optional<MultipartLeftovers> upload;
    private final boolean versioningConfigured;

    private ReplacedLargeObject(Optional<MultipartLeftovers> upload, boolean versioningConfigured) {
        this.upload = upload;
        this.versioningConfigured = versioningConfigured;
    }

    /** Nothing to clean up (the write cannot replace an object). */
    public static ReplacedLargeObject none() {
        return NONE;
    }

    /**
     * What {@code key} is now: nothing to clean up unless it is the null version and the manifest of a completed
     * upload.
     */
    public static ReplacedLargeObject capture(SwiftAccount swift, String bucket, String key) {
        boolean[] versioned = {false};
        Optional<MultipartLeftovers> upload = S3Failures.onObject(swift, bucket, key, () -> S3Failures.unlessNotFound(
                () -> nullVersionLeftovers(swift, bucket, key, head(swift, bucket, key, versioned))))
                .flatMap(leftovers -> leftovers);   // nothing at the key: nothing to clean up
        return upload.isEmpty() && !versioned[0] ? NONE : new ReplacedLargeObject(upload, versioned[0]);
    }

    /** The key's headers; notes whether the answer (a 404 too) shows the bucket versioned ({@link VersionHeaders}). */
    private static SwiftHeaders head(SwiftAccount swift, String bucket, String key, boolean[] versioned)
            throws SwiftException {
        try {
            SwiftHeaders headers = swift.objects().head(bucket, key, SwiftHeaders.empty()).headers();
            versioned[0] = VersionHeaders.versioningConfigured(headers);
            return headers;
        } catch (SwiftException failure) {
            versioned[0] = VersionHeaders.versioningConfigured(failure);
            throw failure;
        }
    }

    /**
     * Whether the answer about the key showed its bucket with versioning configured (enabled or suspended): a
     * write that Swift answered without a version id then wrote the {@code null} version.
     */
    public boolean versioningConfigured() {
        return versioningConfigured;
    }

    private static Optional<MultipartLeftovers> nullVersionLeftovers(SwiftAccount swift, String bucket, String key,
            SwiftHeaders stored) throws SwiftException {
        // A versioned object outlives any write as a noncurrent version: its segments are not the write's to delete.
        return VersionHeaders.isNullVersion(stored) ? MultipartLeftovers.of(swift, bucket, key, stored)
                : Optional.empty();
    }

    /** Whether the replaced object had segments to delete. */
    public boolean hasSegments() {
        return upload.isPresent();
    }

    /**
     * Deletes what the old object's upload stored, unless Swift kept the old object as a version (its answer to
     * the write, {@code written}, names the new version); call only after the new object is stored.
     */
    public void deleteSegments(SwiftAccount swift, SwiftReply written) {
        if (VersionHeaders.isNullVersion(written.headers())) {
            upload.ifPresent(leftovers -> leftovers.delete(swift));
        }
    }
}
