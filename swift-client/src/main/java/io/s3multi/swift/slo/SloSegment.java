package io.s3multi.swift.slo;

import io.s3multi.swift.ObjectPath;
import java.util.Objects;

/**
 * One segment of a Static Large Object manifest, as sent with {@code ?multipart-manifest=put}.
 *
 * <p>When {@code etag} or {@code sizeBytes} is given, Swift checks it against the segment as stored and
 * refuses the manifest on a mismatch (so a part overwritten meanwhile cannot slip in); {@code null}
 * skips the check. A segment may itself be an SLO manifest (its etag is then the SLO ETag), which is how
 * more than {@code max_manifest_segments} segments form one object.
 *
 * @param path      the segment object
 * @param etag      its expected ETag (MD5 hex), or {@code null}
 * @param sizeBytes its expected size, or {@code null}
 * @param range     only these bytes of it, such as {@code 0-1023}, or {@code null} for all
 */
public record SloSegment(ObjectPath path, String etag, Long sizeBytes, String range) {

    public SloSegment {
        Objects.requireNonNull(path, "path");
    }

    /** A whole segment, checked by etag and size. */
    public static SloSegment of(ObjectPath path, String etag, long sizeBytes) {
        return new SloSegment(path, etag, sizeBytes, null);
    }
}
