package io.s3multi.s3.handler.object;

import io.s3multi.s3.integrity.DigestAlgorithm;
import java.util.Locale;

/**
 * The Swift object metadata the gateway keeps for itself: {@code X-Object-Meta-S3multi-*}.
 *
 * <p>A gateway outside the Swift proxy cannot write sysmeta (the gatekeeper strips it), so what S3 needs to
 * remember about an object and Swift does not (the S3 ETag of a multipart object, the checksum a client sent)
 * lives in ordinary user metadata under one reserved prefix. That prefix is never shown to S3 clients as
 * {@code x-amz-meta-*} and never accepted from them, so a client can neither read nor forge it.
 *
 * <table>
 *   <caption>Reserved names (Swift spelling; Swift title-cases metadata names)</caption>
 *   <tr><th>header</th><th>value</th><th>written by</th></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Etag}</td><td>the S3 ETag without quotes, e.g. {@code <md5>-3}</td>
 *       <td>CompleteMultipartUpload; when present it is the object's S3 ETag</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Checksum-Crc32} (and {@code -Crc32c}, {@code -Crc64nvme},
 *       {@code -Sha1}, {@code -Sha256})</td><td>base64, as in {@code x-amz-checksum-*}</td>
 *       <td>PutObject after verifying the client's checksum; multipart completion</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Checksum-Type}</td><td>{@code FULL_OBJECT} or {@code COMPOSITE}</td>
 *       <td>as above</td></tr>
 * </table>
 */
public final class ReservedMetadata {

    /** Every reserved Swift metadata header starts with this (compare without regard to case). */
    public static final String SWIFT_PREFIX = "X-Object-Meta-S3multi-";

    /** The {@code x-amz-meta-} names that would land under {@link #SWIFT_PREFIX}: refused from clients. */
    public static final String S3_PREFIX = "x-amz-meta-s3multi-";

    /** The S3 ETag of an object whose Swift ETag is not its S3 ETag (multipart uploads). */
    public static final String ETAG = SWIFT_PREFIX + "Etag";

    /** {@code FULL_OBJECT} or {@code COMPOSITE}: how the stored checksum was computed. */
    public static final String CHECKSUM_TYPE = SWIFT_PREFIX + "Checksum-Type";

    public static final String FULL_OBJECT = "FULL_OBJECT";

    private static final String CHECKSUM_PREFIX = SWIFT_PREFIX + "Checksum-";

    private ReservedMetadata() {
    }

    /** The header that holds the stored checksum of one algorithm, e.g. {@code X-Object-Meta-S3multi-Checksum-Crc32}. */
    public static String checksum(DigestAlgorithm algorithm) {
        String name = algorithm.awsName().toLowerCase(Locale.ROOT);
        return CHECKSUM_PREFIX + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether a Swift header name is reserved metadata. */
    public static boolean isReserved(String swiftHeader) {
        return swiftHeader.regionMatches(true, 0, SWIFT_PREFIX, 0, SWIFT_PREFIX.length());
    }
}
