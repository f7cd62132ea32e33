package io.s3multi.s3.contract;

import io.s3multi.s3.integrity.DigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Swift object metadata the gateway keeps for itself: {@code X-Object-Meta-S3multi-*}.
 *
 * <p>A gateway outside the Swift proxy cannot write sysmeta (the gatekeeper strips it), so what S3 needs to
 * remember about an object and Swift does not (the S3 ETag of a multipart object, the checksum a client sent)
 * lives in ordinary user metadata under one reserved prefix. Nothing a client sends through the gateway can write
 * it, in any spelling Swift files under that prefix (Swift compares names without case and turns {@code _} into
 * {@code -}):
 * <ul>
 *   <li>S3 (PutObject, CopyObject with {@code REPLACE}, CreateMultipartUpload) refuses {@code x-amz-meta-s3multi-*}
 *       and {@code x-amz-meta-s3multi_*} in any case with {@code 400 InvalidArgument} ({@link #isReservedS3Name}):
 *       AWS would store the name, so silently dropping it would lose metadata the client meant to keep;</li>
 *   <li>the native Swift API ({@code proxy_server}) drops {@code X-Object-Meta-S3multi-*} and
 *       {@code X-Remove-Object-Meta-S3multi-*} in any spelling ({@link #isReservedSwiftRequestHeader}), as Swift's
 *       own gatekeeper drops sysmeta a client sends, and a native copy ({@code PUT} with {@code X-Copy-From},
 *       {@code COPY}) stores {@link #OBJECT_NAMES} empty, so no copy carries the values of its source.</li>
 * </ul>
 * Reserved values are still read defensively: a value that is not well-formed counts as absent, never as a 500.
 *
 * <table>
 *   <caption>Reserved names (Swift spelling; Swift title-cases metadata names)</caption>
 *   <tr><th>header</th><th>value</th><th>written by</th></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Etag}</td><td>the S3 ETag without quotes, e.g. {@code <md5>-3}</td>
 *       <td>CompleteMultipartUpload; it is the object's S3 ETag when the object is an SLO</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Upload-Id}, {@code -Parts-Count}</td><td>the upload that made the object,
 *       its number of parts</td><td>CompleteMultipartUpload</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Object}</td><td>{@link #binding}: hex SHA-256 of {@code <bucket>/<key>}</td>
 *       <td>CompleteMultipartUpload; binds the manifest to its key: a manifest found at another key (a symlink, a
 *       copy made directly in Swift) is not that upload's object, and deleting it deletes no segment</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Checksum-Crc32} (and {@code -Crc32c}, {@code -Crc64nvme},
 *       {@code -Sha1}, {@code -Sha256})</td><td>base64, as in {@code x-amz-checksum-*}</td>
 *       <td>PutObject after verifying the client's checksum; multipart completion</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Checksum-Type}</td><td>{@code FULL_OBJECT} or {@code COMPOSITE}</td>
 *       <td>as above</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Checksum-Of}</td><td>Swift's ETag (hex MD5) of the object the checksum was
 *       computed for</td><td>PutObject when it stores a trailer's checksum by a POST after the PUT: Swift has no
 *       conditional POST, so the POST may land on a later writer's object; the checksum counts only on the object
 *       whose ETag this is. Absent (objects whose PUT carried their checksum, and trailer checksums stored before
 *       this name existed): the checksum counts as it is</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Tags-1}, {@code -2}, ...</td><td>the object's tags, form-encoded, in
 *       pieces of at most 256 bytes ({@link StoredTags})</td><td>PutObject, CopyObject, CreateMultipartUpload (on
 *       the marker) and CompleteMultipartUpload, Put/DeleteObjectTagging (a metadata POST)</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Acl-1}, {@code -2}, ...</td><td>the object's ACL (owner and grants) in
 *       one form-encoded text, in pieces of at most 256 bytes ({@link StoredAcl}); absent: the bucket owner's full
 *       control</td><td>PutObject, CopyObject, CreateMultipartUpload (on the marker) and CompleteMultipartUpload when
 *       the request asks for an ACL; PutObjectAcl (a metadata POST)</td></tr>
 *   <tr><td>{@code X-Container-Meta-S3multi-Tags-1}, ... (container)</td><td>the bucket's tags, as above</td>
 *       <td>Put/DeleteBucketTagging (a container POST)</td></tr>
 *   <tr><td>{@code X-Object-Meta-S3multi-Lock-Mode}, {@code -Lock-Retain-Until}, {@code -Lock-Legal-Hold}</td>
 *       <td>{@code GOVERNANCE}/{@code COMPLIANCE}, an ISO-8601 instant, {@code ON} ({@link ObjectLockState})</td>
 *       <td>PutObject, CopyObject, CompleteMultipartUpload (from the request's headers, the upload's marker or the
 *       bucket's default retention), Put/ObjectRetention and PutObjectLegalHold (a metadata POST)</td></tr>
 *   <tr><td>{@code X-Container-Meta-S3multi-Object-Lock} (container)</td><td>{@code Enabled}, or
 *       {@code Enabled GOVERNANCE Days 30} with a default retention ({@link BucketLockConfiguration})</td>
 *       <td>CreateBucket with {@code x-amz-bucket-object-lock-enabled}, PutObjectLockConfiguration</td></tr>
 * </table>
 * The upload markers and claims in {@code <bucket>_segments} carry reserved names of their own ({@link #MARKER_KEY}
 * and the following, {@link #CLAIM_STATE} and the following; the package comment shows where each lives). Every
 * reserved name is declared here and nowhere else.
 */
public final class ReservedMetadata {

    /** Every reserved Swift metadata header starts with this (compare without regard to case). */
    public static final String SWIFT_PREFIX = "X-Object-Meta-S3multi-";

    /** The {@code x-amz-meta-} names that would land under {@link #SWIFT_PREFIX}: refused from clients. */
    public static final String S3_PREFIX = "x-amz-meta-s3multi-";

    /** The S3 ETag of an object whose Swift ETag is not its S3 ETag (multipart uploads). */
    public static final String ETAG = SWIFT_PREFIX + "Etag";

    /** The upload a multipart object was completed from. */
    public static final String UPLOAD_ID = SWIFT_PREFIX + "Upload-Id";

    /** How many parts a multipart object has. */
    public static final String PARTS_COUNT = SWIFT_PREFIX + "Parts-Count";

    /** {@link #binding} of the bucket and key a multipart object was completed at. */
    public static final String OBJECT = SWIFT_PREFIX + "Object";

    /** Swift's ETag of the object a checksum stored by a later POST was computed for (see the table above). */
    public static final String CHECKSUM_OF = SWIFT_PREFIX + "Checksum-Of";

    /** {@code FULL_OBJECT} or {@code COMPOSITE}: how the stored checksum was computed. */
    public static final String CHECKSUM_TYPE = SWIFT_PREFIX + "Checksum-Type";

    public static final String FULL_OBJECT = "FULL_OBJECT";
    public static final String COMPOSITE = "COMPOSITE";

    /**
     * An object's tags ({@link StoredTags}): {@code Tags-1}, {@code Tags-2}, ... hold consecutive pieces of one
     * form-encoded tag set, as Swift keeps at most 256 bytes per value. On the objects S3 writes and on upload
     * markers (the tags of the object to be).
     */
    public static final String TAGS_PREFIX = SWIFT_PREFIX + "Tags-";

    /**
     * An object's own ACL ({@link StoredAcl}): {@code Acl-1}, {@code Acl-2}, ... hold consecutive pieces of its stored
     * form. On the objects S3 writes with an ACL and on upload markers (the ACL of the object to be).
     */
    public static final String ACL_PREFIX = SWIFT_PREFIX + "Acl-";

    /** Every reserved Swift container metadata header starts with this (compare without regard to case). */
    public static final String CONTAINER_PREFIX = "X-Container-Meta-S3multi-";

    // Object Lock (ObjectLockState): a version's retention mode, its retain-until date (ISO-8601 UTC), its legal
    // hold (ON); on the bucket's container its lock configuration (BucketLockConfiguration).
    public static final String LOCK_MODE = SWIFT_PREFIX + "Lock-Mode";
    public static final String LOCK_RETAIN_UNTIL = SWIFT_PREFIX + "Lock-Retain-Until";
    public static final String LOCK_LEGAL_HOLD = SWIFT_PREFIX + "Lock-Legal-Hold";
    public static final String CONTAINER_OBJECT_LOCK = CONTAINER_PREFIX + "Object-Lock";

    /** A bucket's tags, on its container: pieces as {@link #TAGS_PREFIX}. */
    public static final String CONTAINER_TAGS_PREFIX = CONTAINER_PREFIX + "Tags-";

    /** Removes a piece of a bucket's tags: {@code X-Remove-Container-Meta-<name>}. */
    public static final String CONTAINER_TAGS_REMOVE_PREFIX = "X-Remove-Container-Meta-S3multi-Tags-";

    // On an upload's marker (UploadInfo): the key, the initiator's display name and id (its ARN), the object's
    // content type and
    // content headers (Header-<name>), all URL-encoded; the upload's x-amz-checksum-algorithm.
    public static final String MARKER_KEY = SWIFT_PREFIX + "Key";
    public static final String MARKER_INITIATOR = SWIFT_PREFIX + "Initiator";
    public static final String MARKER_INITIATOR_ID = SWIFT_PREFIX + "Initiator-Id";
    public static final String MARKER_CONTENT_TYPE = SWIFT_PREFIX + "Content-Type";
    public static final String MARKER_HEADER_PREFIX = SWIFT_PREFIX + "Header-";
    public static final String MARKER_CHECKSUM_ALGORITHM = SWIFT_PREFIX + "Checksum-Algorithm";

    // On a claim (SegmentsLayout.claim): what its holder does (COMPLETING or ABORTING), the holder's random token
    // (tells it whether its claim was taken over), when it last refreshed the claim (ms since the epoch, its clock).
    public static final String CLAIM_STATE = SWIFT_PREFIX + "State";
    public static final String CLAIM_TOKEN = SWIFT_PREFIX + "Claim-Token";
    public static final String CLAIM_REFRESHED = SWIFT_PREFIX + "Claim-Refreshed";

    private static final String CHECKSUM_PREFIX = SWIFT_PREFIX + "Checksum-";
    private static final String SWIFT_REQUEST_PREFIX = "x-object-meta-s3multi-";
    private static final String SWIFT_REMOVE_PREFIX = "x-remove-object-meta-s3multi-";
    private static final String SWIFT_CONTAINER_PREFIX = "x-container-meta-s3multi-";
    private static final String SWIFT_CONTAINER_REMOVE_PREFIX = "x-remove-container-meta-s3multi-";
    private static final Pattern MULTIPART_ETAG = Pattern.compile("[0-9a-f]{32}-[1-9][0-9]{0,4}");

    /** Every reserved name the gateway reads from an object (not from a marker or part). */
    public static final List<String> OBJECT_NAMES = objectNames();

    private ReservedMetadata() {
    }

    /** The header that holds the stored checksum of an algorithm, e.g. {@code X-Object-Meta-S3multi-Checksum-Crc32}. */
    public static String checksum(DigestAlgorithm algorithm) {
        String name = algorithm.awsName().toLowerCase(Locale.ROOT);
        return CHECKSUM_PREFIX + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether a Swift header name (as Swift answers it) is reserved metadata. */
    public static boolean isReserved(String swiftHeader) {
        return spelledAsSwift(swiftHeader).startsWith(SWIFT_REQUEST_PREFIX);
    }

    /** Whether an S3 request header would be stored as reserved metadata: {@code x-amz-meta-s3multi[-_]*}, any case. */
    public static boolean isReservedS3Name(String header) {
        return spelledAsSwift(header).startsWith(S3_PREFIX);
    }

    /**
     * Whether a native Swift request header would write or remove reserved metadata:
     * {@code X-Object-Meta-S3multi-*}, {@code X-Remove-Object-Meta-S3multi-*}, {@code X-Container-Meta-S3multi-*}
     * or {@code X-Remove-Container-Meta-S3multi-*}, any case, {@code _} for {@code -}.
     */
    public static boolean isReservedSwiftRequestHeader(String header) {
        String name = spelledAsSwift(header);
        return name.startsWith(SWIFT_REQUEST_PREFIX) || name.startsWith(SWIFT_REMOVE_PREFIX)
                || name.startsWith(SWIFT_CONTAINER_PREFIX) || name.startsWith(SWIFT_CONTAINER_REMOVE_PREFIX);
    }

    /**
     * Hex SHA-256 of {@code <bucket>/<key>} (UTF-8): what {@link #OBJECT} holds on the manifest Complete writes at
     * that key. A digest, because a key (1024 bytes) does not fit Swift's metadata values (256).
     */
    public static String binding(String bucket, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((bucket + "/" + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether a stored value is an S3 multipart ETag ({@code <32 hex>-<1..10000>}, unquoted). */
    public static boolean isMultipartEtag(String value) {
        return value != null && MULTIPART_ETAG.matcher(value).matches()
                && Integer.parseInt(value.substring(33)) <= 10_000;
    }

    /**
     * Whether a stored checksum of {@code type} is well-formed: the base64 of a digest of {@code algorithm}, with
     * {@code -<parts>} after it exactly when the type is {@code COMPOSITE}.
     */
    public static boolean isChecksum(DigestAlgorithm algorithm, String type, String value) {
        if (value == null || !(FULL_OBJECT.equals(type) || COMPOSITE.equals(type))) {
            return false;
        }
        String digest = value;
        if (COMPOSITE.equals(type)) {
            int dash = value.lastIndexOf('-');
            if (dash < 0 || !value.substring(dash + 1).matches("[1-9][0-9]{0,4}")) {
                return false;
            }
            digest = value.substring(0, dash);
        }
        try {
            return Base64.getDecoder().decode(digest).length == algorithm.length();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** Lower case, {@code _} as {@code -}: how Swift (WSGI) files a header name. */
    private static String spelledAsSwift(String header) {
        return header.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> objectNames() {
        List<String> names = new ArrayList<>(List.of(ETAG, UPLOAD_ID, PARTS_COUNT, OBJECT, CHECKSUM_TYPE, CHECKSUM_OF,
                LOCK_MODE, LOCK_RETAIN_UNTIL, LOCK_LEGAL_HOLD));
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            names.add(checksum(algorithm));
        }
        return List.copyOf(names);
    }
}
