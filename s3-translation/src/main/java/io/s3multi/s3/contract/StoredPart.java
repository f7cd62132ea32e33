package io.s3multi.s3.contract;

import io.s3multi.s3.integrity.DigestAlgorithm;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of a part as Swift lists it in {@code parts/<upload id>/}: what Complete checks and ListParts shows,
 * read from the listing alone (the checksum rides in the segment's content type, see {@link PartContentType}).
 *
 * @param number       the part number, 1..10000
 * @param segment      the segment's name in {@code <bucket>_segments} (one attempt's, or a legacy name)
 * @param md5Hex       the segment's ETag: the MD5 of the part, lower-case hex without quotes
 * @param size         its size in bytes
 * @param lastModified when it was stored
 * @param checksum     its x-amz-checksum-* value, or {@code null} when the part has none
 */
public record StoredPart(int number, String segment, String md5Hex, long size, Instant lastModified,
        PartChecksum checksum) {

    public StoredPart {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(md5Hex, "md5Hex");
    }

    /** The checksum of {@code algorithm}, base64, or {@code null}. */
    public String checksumOf(DigestAlgorithm algorithm) {
        return checksum != null && checksum.algorithm() == algorithm ? checksum.base64() : null;
    }

    /** A part's checksum: the algorithm and its base64 value as S3 shows it. */
    public record PartChecksum(DigestAlgorithm algorithm, String base64) {
        public PartChecksum {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(base64, "base64");
        }
    }
}
