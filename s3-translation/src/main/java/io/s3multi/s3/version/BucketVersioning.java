package io.s3multi.s3.version;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * A bucket's versioning state, which is its container's {@code X-Versions-Enabled} (Swift's object versioning):
 * absent on a container that was never versioned, {@code True} when enabled, {@code False} when suspended. S3 has
 * the same three states, and, as in S3, a bucket once versioned never returns to unversioned.
 */
public enum BucketVersioning {

    UNVERSIONED(null),
    ENABLED("Enabled"),
    SUSPENDED("Suspended");

    /** The container header that switches and shows Swift's object versioning. */
    public static final String SWIFT_HEADER = "X-Versions-Enabled";

    private final String s3Status;

    BucketVersioning(String s3Status) {
        this.s3Status = s3Status;
    }

    /** The state a container's headers (a HEAD of it) show. */
    public static BucketVersioning of(SwiftHeaders container) {
        String enabled = container.get(SWIFT_HEADER);
        if (enabled == null) {
            return UNVERSIONED;
        }
        return enabled.trim().toLowerCase(Locale.ROOT).equals("true") ? ENABLED : SUSPENDED;
    }

    /** The state of a bucket, by a HEAD of its container; {@code NoSuchBucket} when there is none. */
    public static BucketVersioning read(SwiftAccount swift, String bucket) {
        return of(S3Failures.mapped(SwiftStatusMapper.Target.bucket(bucket), () -> swift.containers().head(bucket))
                .headers());
    }

    /**
     * The state a PutBucketVersioning {@code Status} asks for.
     *
     * @throws S3Exception {@code MalformedXML} for anything but {@code Enabled} or {@code Suspended}, as AWS (and
     *                     Swift's s3api) answer: the value does not validate against the schema
     */
    public static BucketVersioning fromS3Status(String status) {
        if (ENABLED.s3Status.equals(status)) {
            return ENABLED;
        }
        if (SUSPENDED.s3Status.equals(status)) {
            return SUSPENDED;
        }
        throw S3Exception.malformedXml().withReason("versioning.status");
    }

    /** The {@code Status} GetBucketVersioning shows; none for a bucket never versioned. */
    public Optional<String> s3Status() {
        return Optional.ofNullable(s3Status);
    }

    /** The container POST headers that switch Swift to this state (not for {@link #UNVERSIONED}). */
    public SwiftHeaders swiftHeaders() {
        if (this == UNVERSIONED) {
            throw new IllegalStateException("a bucket cannot be switched back to unversioned");
        }
        return SwiftHeaders.of(SWIFT_HEADER, this == ENABLED ? "true" : "false");
    }
}
