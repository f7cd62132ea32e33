package io.s3multi.s3.operation;

import io.s3multi.s3.contract.ListingEtag;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.swift.SwiftHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * What S3 says about an object, read from the headers Swift answers a HEAD or GET of it with.
 *
 * <p>The S3 ETag is the reserved {@link ReservedMetadata#ETAG} when the object is a Static Large Object and the
 * value is a well-formed multipart ETag (a completed multipart upload), or else the {@link ListingEtag} content-type
 * parameter of such an object, so that HEAD and listings agree; otherwise Swift's ETag, which for a plain object
 * is the hex MD5 of its bytes, as S3's is; S3 quotes it, Swift does not (except for a Static Large Object, whose
 * ETag Swift already quotes). Reserved values that are not well-formed count as absent ({@link ReservedMetadata}).
 */
public final class StoredObject {

    private final SwiftHeaders headers;

    public StoredObject(SwiftHeaders headers) {
        this.headers = headers;
    }

    public SwiftHeaders swiftHeaders() {
        return headers;
    }

    /** The S3 ETag, quoted. */
    public String etag() {
        if (isStaticLargeObject()) {
            String reserved = headers.get(ReservedMetadata.ETAG);
            if (ReservedMetadata.isMultipartEtag(reserved)) {
                return quote(reserved);
            }
            // As a listing shows it: a native POST replaced the reserved entries but kept the content type, or a
            // raw copy of the manifest (same segments, same bytes) took its source's content type along.
            String listed = ListingEtag.parse(headers.get("Content-Type")).s3Etag();
            if (ReservedMetadata.isMultipartEtag(listed)) {
                return quote(listed);
            }
        }
        return quote(headers.get("ETag"));
    }

    /** The modification time, from Swift's {@code Last-Modified} (whole seconds). */
    public Instant lastModified() {
        return HttpDates.parse(headers.get("Last-Modified")).orElse(Instant.EPOCH);
    }

    /** {@code Last-Modified} as Swift sent it (already the RFC 1123 form S3 uses). */
    public String lastModifiedHeader() {
        String value = headers.get("Last-Modified");
        return value != null ? value : HttpDates.format(lastModified());
    }

    /** The object's size in bytes (of a HEAD or a whole-object GET). */
    public long size() {
        return headers.contentLength();
    }

    /** Whether the object is a Static Large Object manifest (a completed multipart upload). */
    public boolean isStaticLargeObject() {
        return "true".equalsIgnoreCase(headers.get("X-Static-Large-Object"));
    }

    /**
     * The checksum stored for the whole object, if the client sent one when it was written (and it is well-formed).
     * One stored by a POST after the object's PUT counts only on the object it was computed for
     * ({@link ReservedMetadata#CHECKSUM_OF}): Swift has no conditional POST, so it may have landed on a later writer's
     * bytes, and a checksum shown for bytes it was not computed for makes a client reject a good object.
     */
    public Optional<StoredChecksum> checksum() {
        String computedFor = headers.get(ReservedMetadata.CHECKSUM_OF);
        if (computedFor != null && !unquoted(computedFor).equalsIgnoreCase(unquoted(headers.get("ETag")))) {
            return Optional.empty();
        }
        String stored = headers.get(ReservedMetadata.CHECKSUM_TYPE);
        String type = stored == null ? ReservedMetadata.FULL_OBJECT : stored.trim();
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String value = headers.get(ReservedMetadata.checksum(algorithm));
            if (value != null && ReservedMetadata.isChecksum(algorithm, type, value.trim())) {
                return Optional.of(new StoredChecksum(algorithm, value.trim(), type));
            }
        }
        return Optional.empty();
    }

    /** A checksum as stored: the algorithm, its base64 value and whether it covers the object whole. */
    public record StoredChecksum(DigestAlgorithm algorithm, String value, String type) {

        public boolean isFullObject() {
            return ReservedMetadata.FULL_OBJECT.equals(type);
        }
    }

    private static String unquoted(String etag) {
        return etag == null ? "" : etag.trim().replace("\"", "");
    }

    public static String quote(String etag) {
        if (etag == null) {
            return null;
        }
        String trimmed = etag.trim();
        return trimmed.startsWith("\"") ? trimmed : "\"" + trimmed + "\"";
    }
}
