package io.s3multi.s3.handler.object;

import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
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
 * <p>Costs one HEAD per write, plus one GET per manifest in the tree when the old object claims an upload.
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

    /** What {@code key} is now: nothing to clean up unless it is the manifest of a completed upload. */
    public static ReplacedLargeObject capture(SwiftAccount swift, String bucket, String key) {
        boolean[] versioned = {false};
        Optional<MultipartLeftovers> upload = S3Failures.onObject(swift, bucket, key, () -> S3Failures.unlessNotFound(
                () -> MultipartLeftovers.of(swift, bucket, key, head(swift, bucket, key, versioned))))
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

    /** Whether the replaced object had segments to delete. */
    public boolean hasSegments() {
        return upload.isPresent();
    }

    /** Deletes what the old object's upload stored; call only after the new object is stored. */
    public void deleteSegments(SwiftAccount swift) {
        upload.ifPresent(leftovers -> leftovers.delete(swift));
    }
}
