package io.s3multi.swift.container;

import java.time.Instant;

/**
 * One entry of a versions listing ({@code GET /v1/a/c?versions}) of a container with Swift's object
 * versioning: one version of an object, a delete marker, or (with a delimiter) a {@code subdir}.
 *
 * <p>Swift lists names in ascending order and, within a name, the newest version first. Its
 * {@code is_latest} names the version the object's current symlink points to, which is not always the
 * newest one (an older version made current again is the latest), and no entry is latest when the
 * current version was deleted by id.
 *
 * @param object    the version's listing fields; for a subdir, {@link ObjectEntry#subdir()} only
 * @param versionId the version id ({@code "null"} for an object written while versioning was off);
 *                  {@code null} for a subdir
 * @param isLatest  Swift's {@code is_latest}
 */
public record VersionEntry(ObjectEntry object, String versionId, boolean isLatest) {

    /** The content type Swift gives a delete marker. */
    public static final String DELETE_MARKER_TYPE = "application/x-deleted;swift_versions_deleted=1";

    /** The version id of an object written while versioning was off or suspended. */
    public static final String NULL_VERSION = "null";

    public String name() {
        return object.name();
    }

    public boolean isSubdir() {
        return object.isSubdir();
    }

    /** Whether this version is a delete marker rather than an object. */
    public boolean isDeleteMarker() {
        return isDeleteMarker(object.contentType());
    }

    /** Whether a version's {@code Content-Type} (as listed, or as a HEAD of it answers) is a delete marker's. */
    public static boolean isDeleteMarker(String contentType) {
        return contentType != null && contentType.replace(" ", "").equalsIgnoreCase(DELETE_MARKER_TYPE);
    }

    public Instant lastModified() {
        return object.lastModified();
    }
}
