package io.s3multi.swift.container;

import java.time.Instant;

/**
 * One entry of a container listing: an object, or (with a delimiter) a {@code subdir} that stands for
 * every name sharing a prefix.
 *
 * <p>For a subdir only {@link #subdir()} is set ({@link #name()} returns it too); the other fields are
 * {@code null} or -1.
 *
 * @param name         the object name, as stored; for a subdir, the subdir
 * @param bytes        the size; for an SLO manifest the size of the whole large object; -1 for a subdir
 * @param hash         the stored ETag (for an SLO: the MD5 of the manifest, not the SLO ETag)
 * @param lastModified when the object was last written, UTC
 * @param contentType  the content type as stored, parameters included
 * @param subdir       the shared prefix, for a subdir entry; {@code null} for an object
 * @param sloEtag      for an SLO manifest, the SLO ETag (quoted, as Swift lists it); otherwise {@code null}
 * @param versionSymlink whether the entry is the symlink by which a versioned container's plain listing shows
 *                     the current version: Swift lists it with its target's size, hash and SLO ETag, but with
 *                     only the base of the target's content type (its parameters dropped)
 */
public record ObjectEntry(String name, long bytes, String hash, Instant lastModified, String contentType,
                          String subdir, String sloEtag, boolean versionSymlink) {

    /** An entry that is not a version symlink. */
    public ObjectEntry(String name, long bytes, String hash, Instant lastModified, String contentType,
                       String subdir, String sloEtag) {
        this(name, bytes, hash, lastModified, contentType, subdir, sloEtag, false);
    }

    /** Whether this entry is a rolled-up prefix rather than an object. */
    public boolean isSubdir() {
        return subdir != null;
    }

    /** Whether this entry is a Static Large Object manifest. */
    public boolean isStaticLargeObject() {
        return sloEtag != null;
    }
}
