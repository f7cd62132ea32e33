package io.s3multi.s3.operation;

import io.s3multi.swift.SwiftHeaders;
import java.util.Optional;

/**
 * Swift's {@code X-Object-Version-Id}, on the answer of a write or delete and on a HEAD, in a container with Swift's
 * object versioning: which version a write made (or which version an object is), and therefore whether what a write
 * replaced was kept as a noncurrent version or is gone.
 *
 * <p>Absent (never-versioned container, or a write while versioning is suspended) and {@code null} (an object
 * written while versioning was off or suspended) both mean "the null version": the one version a later write
 * without versioning replaces in place. Any other value names a version Swift keeps until it is deleted by id.
 */
public final class VersionIdHeader {

    /** The header's name. */
    public static final String NAME = "X-Object-Version-Id";
    /** The version id of an object written while versioning was off or suspended. */
    public static final String NULL_VERSION = "null";

    private VersionIdHeader() {
    }

    /** The version id in {@code headers}, unless it is absent or the null version's. */
    public static Optional<String> keptVersion(SwiftHeaders headers) {
        String value = headers.get(NAME);
        if (value == null || value.isBlank() || value.trim().equals(NULL_VERSION)) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    /** Whether {@code headers} (a HEAD, or the answer of a write) describe the null version or no version at all. */
    public static boolean isNullVersion(SwiftHeaders headers) {
        return keptVersion(headers).isEmpty();
    }
}
