package io.s3multi.s3.version;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The headers that carry versions: S3's on answers, Swift's on Swift's answers.
 *
 * <p>Swift's object versioning answers {@code X-Object-Version-Id} on every object request in a container that has
 * versioning configured (enabled or suspended), even on a 404, and never in a container that was never versioned:
 * so any answer about a key says whether its bucket is versioned, without a container HEAD.
 */
public final class VersionHeaders {

    /** S3: the version an answer is about. */
    public static final String VERSION_ID = "x-amz-version-id";
    /** S3: the version an answer is about is a delete marker. */
    public static final String DELETE_MARKER = "x-amz-delete-marker";
    /** S3: the version of a copy's source that was copied. */
    public static final String COPY_SOURCE_VERSION_ID = "x-amz-copy-source-version-id";

    /** Swift: the version a write created or a read found ({@code null} for the null version). */
    public static final String SWIFT_VERSION_ID = "X-Object-Version-Id";
    /** Swift: after a {@code DELETE ?version-id=} of the current version, what is current now. */
    public static final String SWIFT_CURRENT_VERSION_ID = "X-Object-Current-Version-Id";
    /** Swift: the version a {@code COPY ?version-id=} copied. */
    public static final String SWIFT_COPIED_FROM_VERSION_ID = "X-Copied-From-Version-Id";

    private VersionHeaders() {
    }

    /** Swift's {@code X-Object-Version-Id} on an answer, as given ({@code "null"} included). */
    public static Optional<String> swiftVersionId(SwiftHeaders headers) {
        return Optional.ofNullable(headers.get(SWIFT_VERSION_ID));
    }

    /**
     * The version a write created, as S3 shows it: Swift's id when it answered one (versioning enabled); else
     * {@code "null"} when the bucket has versioning configured (suspended: Swift answers no id then), which any
     * answer about a key of the bucket tells ({@link #versioningConfigured(SwiftHeaders)}); else none (a bucket
     * never versioned shows no version id).
     */
    public static Optional<String> written(SwiftHeaders writeAnswer, boolean versioningConfigured) {
        return written(writeAnswer, () -> versioningConfigured);
    }

    /** As {@link #written(SwiftHeaders, boolean)}, asking whether the bucket is versioned only when it matters. */
    public static Optional<String> written(SwiftHeaders writeAnswer, BooleanSupplier versioningConfigured) {
        Optional<String> swift = swiftVersionId(writeAnswer);
        if (swift.isPresent() && !swift.get().equals(VersionId.NULL_VALUE)) {
            return swift;
        }
        return versioningConfigured.getAsBoolean() ? Optional.of(VersionId.NULL_VALUE) : Optional.empty();
    }

    /** Whether an answer about a key (a 200 or a 404) comes from a container with versioning configured. */
    public static boolean versioningConfigured(SwiftHeaders keyAnswer) {
        return keyAnswer.get(SWIFT_VERSION_ID) != null;
    }

    /** As {@link #versioningConfigured(SwiftHeaders)}, for a failed request about a key (a 404, say). */
    public static boolean versioningConfigured(SwiftException failure) {
        return failure instanceof SwiftHttpStatusException status && versioningConfigured(status.headers());
    }
}
