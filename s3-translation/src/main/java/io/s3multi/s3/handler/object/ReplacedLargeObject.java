package io.s3multi.s3.handler.object;

import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.bulk.BulkDeleteResult;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.slo.ManifestEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segments of a Static Large Object (a completed multipart upload) that a write is about to replace.
 *
 * <p>Swift's PUT over a manifest replaces only the manifest, so without this the old object's segments would
 * stay in {@code <bucket>_segments} forever. The rule (design §4) is that segments go once the new state is
 * durable: {@link #capture} reads the old manifest before the write, {@link #deleteSegments} runs only after
 * Swift stored the new object. If the write fails, nothing is deleted and the old object stays whole. A failure
 * of the clean-up itself does not fail the client's request (its object is stored); it is logged as a leak.
 *
 * <p>An object made by the s3multi stage also goes with whatever its upload stored that the manifest does not
 * name ({@link MultipartLeftovers}).
 *
 * <p>Costs one HEAD per write, plus one manifest GET when the old object is an SLO.
 */
public final class ReplacedLargeObject {

    private static final Logger LOG = LoggerFactory.getLogger(ReplacedLargeObject.class);
    private static final ReplacedLargeObject NONE = new ReplacedLargeObject(null, List.of(), Optional.empty());

    private final ObjectPath manifest;
    private final List<ManifestEntry> segments;
    private final Optional<MultipartLeftovers> upload;

    private ReplacedLargeObject(ObjectPath manifest, List<ManifestEntry> segments,
            Optional<MultipartLeftovers> upload) {
        this.manifest = manifest;
        this.segments = segments;
        this.upload = upload;
    }

    /** Nothing to clean up (the write cannot replace an object). */
    public static ReplacedLargeObject none() {
        return NONE;
    }

    /** What {@code key} is now: nothing to clean up unless it is an SLO manifest. */
    public static ReplacedLargeObject capture(SwiftAccount swift, String bucket, String key) {
        try {
            SwiftHeaders headers = swift.objects().head(bucket, key, SwiftHeaders.empty()).headers();
            if (!new StoredObject(headers).isStaticLargeObject()) {
                return NONE;
            }
            return new ReplacedLargeObject(new ObjectPath(bucket, key),
                    swift.largeObjects().getManifest(bucket, key), MultipartLeftovers.of(bucket, headers));
        } catch (SwiftException failure) {
            if (SwiftFailures.isNotFound(failure)) {
                return NONE;
            }
            throw SwiftFailures.forObject(failure, swift, bucket, key);
        }
    }

    /** Whether the replaced object had segments to delete. */
    public boolean hasSegments() {
        return !segments.isEmpty();
    }

    /** Deletes the old object's segments (nested manifests with theirs); call only after the new object is stored. */
    public void deleteSegments(SwiftAccount swift) {
        deleteListedSegments(swift);
        upload.ifPresent(leftovers -> leftovers.delete(swift));
    }

    private void deleteListedSegments(SwiftAccount swift) {
        if (segments.isEmpty()) {
            return;
        }
        List<ObjectPath> plain = new ArrayList<>();
        try {
            for (ManifestEntry segment : segments) {
                if (segment.subSlo()) {
                    report(swift.largeObjects().deleteWithSegments(segment.path().container(),
                            segment.path().object()));
                } else {
                    plain.add(segment.path());
                }
            }
            report(swift.bulkDelete().delete(plain));
        } catch (SwiftException failure) {
            LOG.warn("segments of replaced {} not deleted (left in Swift): {}", manifest, failure.toString());
        }
    }

    private void report(BulkDeleteResult result) {
        if (!result.isComplete()) {
            LOG.warn("segments of replaced {} not deleted (left in Swift): {}", manifest, result.errors());
        }
    }
}
