package io.s3multi.swift.slo;

import io.s3multi.swift.ObjectPath;
import java.time.Instant;

/**
 * One segment of a stored SLO manifest, as {@code ?multipart-manifest=get} lists it.
 *
 * @param path         the segment object
 * @param hash         the segment's ETag when the manifest was written (for a nested SLO, its SLO ETag)
 * @param bytes        the bytes this segment contributes (its range's length, when a range is set)
 * @param contentType  the segment's content type when the manifest was written
 * @param lastModified the segment's last-modified time when the manifest was written, or {@code null}
 * @param range        the range of the segment used, such as {@code 0-1023}, or {@code null} for all
 * @param subSlo       whether the segment is itself an SLO manifest
 */
public record ManifestEntry(ObjectPath path, String hash, long bytes, String contentType, Instant lastModified,
                            String range, boolean subSlo) {
}
