package io.s3multi.s3.contract;

import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.swift.SwiftHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What CreateMultipartUpload said about the object to be, kept on the upload's marker until Complete writes
 * it onto the manifest: content type, content headers, {@code x-amz-meta-*}, checksum algorithm and type, who
 * initiated the upload, the object's tags ({@code x-amz-tagging}, stored as on an object: {@link StoredTags}) and
 * its ACL ({@link StoredAcl}).
 *
 * <p>On the marker everything is {@code X-Object-Meta-*} (Swift keeps any such header on any object): user
 * metadata under its own name, the gateway's under the reserved {@code X-Object-Meta-S3multi-} prefix. The
 * initiator and checksum algorithm also ride in the marker's content type ({@link ContentTypeParameters}),
 * so ListMultipartUploads reads them from the listing.
 *
 * @param key               the object key
 * @param uploadId          the upload
 * @param contentType       the object's content type, or {@code null} (then {@code binary/octet-stream})
 * @param contentHeaders    Cache-Control, Content-Disposition, Content-Encoding, Content-Language, Expires
 * @param userMetadata      x-amz-meta-* by lower-case name without the prefix
 * @param checksumAlgorithm the upload's x-amz-checksum-algorithm, if any
 * @param checksumType      its type; {@code null} exactly when there is no algorithm
 * @param initiator         the display name of who initiated the upload
 * @param tags              the tags of the object to be
 * @param lock              the Object Lock state CreateMultipartUpload asked for ({@code x-amz-object-lock-*}),
 *                          stored on the marker as on an object ({@link ObjectLockState}); applied at Complete
 * @param acl               the reserved metadata of the object's own ACL ({@link StoredAcl}), kept on the marker as
 *                          on an object and written onto the manifest; empty when the upload asked for no ACL
 * @param initiatorId       the id S3 shows for who initiated the upload: the user's ARN
 *                          ({@code arn:aws:iam::<account>:user/<name>}) or {@code anonymous}; empty on markers
 *                          written before it was kept
 */
public record UploadInfo(String key, UploadId uploadId, String contentType, Map<String, String> contentHeaders,
        Map<String, String> userMetadata, Optional<DigestAlgorithm> checksumAlgorithm, ChecksumType checksumType,
        String initiator, TagSet tags, ObjectLockState lock, SwiftHeaders acl, String initiatorId) {

    /** The content type of an upload's marker, before its parameters. */
    public static final String MARKER_CONTENT_TYPE = "application/x-s3multi-upload";
    /** {@code application/x-s3multi-upload;finished=completed}: a completed upload whose clean-up did not end. */
    static final String FINISHED_PARAMETER = "finished";
    static final String FINISHED_COMPLETED = "completed";
    /**
     * {@code application/x-s3multi-upload;finished=aborted}: an upload an abort is deleting (see
     * {@code io.s3multi.s3.multipart.UploadAbort}); a Complete that finds it behind its manifest rolls back.
     */
    static final String FINISHED_ABORTED = "aborted";

    private static final String META_CONTENT_TYPE = ReservedMetadata.MARKER_CONTENT_TYPE;
    private static final String META_CHECKSUM_ALGORITHM = ReservedMetadata.MARKER_CHECKSUM_ALGORITHM;
    private static final String META_CHECKSUM_TYPE = ReservedMetadata.CHECKSUM_TYPE;
    private static final String META_INITIATOR = ReservedMetadata.MARKER_INITIATOR;
    private static final String META_INITIATOR_ID = ReservedMetadata.MARKER_INITIATOR_ID;
    private static final String META_KEY = ReservedMetadata.MARKER_KEY;
    private static final String META_HEADER_PREFIX = ReservedMetadata.MARKER_HEADER_PREFIX;
    private static final String USER_META = "x-object-meta-";
    /** The content headers an upload keeps for its object, in the order they are written. */
    public static final List<String> CONTENT_HEADERS =
            List.of("Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires");

    public UploadInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
        contentHeaders = Map.copyOf(contentHeaders);
        userMetadata = Map.copyOf(userMetadata);
        Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        if (checksumAlgorithm.isPresent() != (checksumType != null)) {
            throw new IllegalArgumentException("a checksum type goes with a checksum algorithm");
        }
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(initiatorId, "initiatorId");
    }

    /** An upload whose initiator is known by display name only. */
    public UploadInfo(String key, UploadId uploadId, String contentType, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, Optional<DigestAlgorithm> checksumAlgorithm, ChecksumType checksumType,
            String initiator, TagSet tags, ObjectLockState lock, SwiftHeaders acl) {
        this(key, uploadId, contentType, contentHeaders, userMetadata, checksumAlgorithm, checksumType, initiator,
                tags, lock, acl, "");
    }

    /** An upload whose object gets no ACL of its own. */
    public UploadInfo(String key, UploadId uploadId, String contentType, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, Optional<DigestAlgorithm> checksumAlgorithm, ChecksumType checksumType,
            String initiator, TagSet tags, ObjectLockState lock) {
        this(key, uploadId, contentType, contentHeaders, userMetadata, checksumAlgorithm, checksumType, initiator,
                tags, lock, SwiftHeaders.empty());
    }

    /** An upload that asked for no Object Lock state. */
    public UploadInfo(String key, UploadId uploadId, String contentType, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, Optional<DigestAlgorithm> checksumAlgorithm, ChecksumType checksumType,
            String initiator, TagSet tags) {
        this(key, uploadId, contentType, contentHeaders, userMetadata, checksumAlgorithm, checksumType, initiator,
                tags, ObjectLockState.NONE);
    }

    /** An upload whose object gets no tags. */
    public UploadInfo(String key, UploadId uploadId, String contentType, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, Optional<DigestAlgorithm> checksumAlgorithm, ChecksumType checksumType,
            String initiator) {
        this(key, uploadId, contentType, contentHeaders, userMetadata, checksumAlgorithm, checksumType, initiator,
                TagSet.empty());
    }

    /** The marker as stored: the metadata above, and a content type that shows initiator and algorithm. */
    public SwiftHeaders markerHeaders() {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        Map<String, String> listed = new LinkedHashMap<>();
        listed.put("initiator", initiator);
        listed.put("initiator-id", initiatorId.isEmpty() ? null : initiatorId);
        listed.put("checksum", checksumAlgorithm.map(DigestAlgorithm::awsName).orElse(null));
        headers.set("Content-Type", ContentTypeParameters.format(MARKER_CONTENT_TYPE, listed));
        headers.set(META_KEY, encodeValue(key));
        headers.set(META_INITIATOR, encodeValue(initiator));
        if (!initiatorId.isEmpty()) {
            headers.set(META_INITIATOR_ID, encodeValue(initiatorId));
        }
        if (contentType != null) {
            headers.set(META_CONTENT_TYPE, encodeValue(contentType));
        }
        contentHeaders.forEach((name, value) -> headers.set(META_HEADER_PREFIX + name, encodeValue(value)));
        userMetadata.forEach((name, value) -> headers.set("X-Object-Meta-" + name, value));
        checksumAlgorithm.ifPresent(a -> headers.set(META_CHECKSUM_ALGORITHM, a.awsName()));
        if (checksumType != null) {
            headers.set(META_CHECKSUM_TYPE, checksumType.name());
        }
        return headers.addAll(StoredTags.objectHeaders(tags)).addAll(lock.headers()).addAll(acl).build();
    }

    /** The upload as its marker's HEAD shows it. */
    public static UploadInfo fromMarker(String key, UploadId uploadId, SwiftHeaders marker) {
        Map<String, String> content = new LinkedHashMap<>();
        Map<String, String> user = new LinkedHashMap<>();
        for (String name : marker.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(META_HEADER_PREFIX.toLowerCase(Locale.ROOT))) {
                String header = name.substring(META_HEADER_PREFIX.length());
                CONTENT_HEADERS.stream().filter(h -> h.equalsIgnoreCase(header)).findFirst()
                        .ifPresent(h -> content.put(h, decodeValue(marker.get(name))));
            } else if (lower.startsWith(USER_META)
                    && !lower.startsWith(ReservedMetadata.SWIFT_PREFIX.toLowerCase(Locale.ROOT))) {
                user.put(lower.substring(USER_META.length()), marker.get(name));
            }
        }
        Optional<DigestAlgorithm> algorithm = Optional.ofNullable(marker.get(META_CHECKSUM_ALGORITHM))
                .flatMap(DigestAlgorithm::fromAwsName);
        ChecksumType type = algorithm.isEmpty() ? null
                : ChecksumType.resolve(marker.get(META_CHECKSUM_TYPE), algorithm.get());
        String contentType = marker.get(META_CONTENT_TYPE) == null ? null : decodeValue(marker.get(META_CONTENT_TYPE));
        String initiator = marker.get(META_INITIATOR) == null ? "" : decodeValue(marker.get(META_INITIATOR));
        String initiatorId = marker.get(META_INITIATOR_ID) == null ? "" : decodeValue(marker.get(META_INITIATOR_ID));
        return new UploadInfo(key, uploadId, contentType, content, user, algorithm, type, initiator,
                StoredTags.ofObject(marker), ObjectLockState.of(marker), aclPieces(marker), initiatorId);
    }

    /**
     * The marker's headers once its upload is completed but not yet cleaned up (see the package comment): the
     * content type says so, and nothing else is kept (a POST replaces the metadata).
     */
    public static SwiftHeaders finishedMarkerHeaders() {
        return SwiftHeaders.of("Content-Type",
                ContentTypeParameters.format(MARKER_CONTENT_TYPE, Map.of(FINISHED_PARAMETER, FINISHED_COMPLETED)));
    }

    /**
     * The marker's headers while an abort deletes its upload: as {@link #finishedMarkerHeaders}, with
     * {@code finished=aborted}.
     */
    public static SwiftHeaders abortedMarkerHeaders() {
        return SwiftHeaders.of("Content-Type",
                ContentTypeParameters.format(MARKER_CONTENT_TYPE, Map.of(FINISHED_PARAMETER, FINISHED_ABORTED)));
    }

    /**
     * Whether a marker's content type (from a HEAD or a listing) marks its upload finished: completed (its clean-up
     * not ended) or being aborted. Either way no longer in progress: not listed, not completed, not given parts.
     */
    public static boolean isFinishedMarker(String markerContentType) {
        String finished = ContentTypeParameters.parse(markerContentType).get(FINISHED_PARAMETER);
        return FINISHED_COMPLETED.equals(finished) || FINISHED_ABORTED.equals(finished);
    }

    /** Whether a marker's content type marks its upload as being aborted ({@link #abortedMarkerHeaders}). */
    public static boolean isAbortedMarker(String markerContentType) {
        return FINISHED_ABORTED.equals(ContentTypeParameters.parse(markerContentType).get(FINISHED_PARAMETER));
    }

    /** The initiator and checksum algorithm a listed marker's content type carries. */
    public static Map<String, String> listedParameters(String markerContentType) {
        return ContentTypeParameters.parse(markerContentType);
    }

    /**
     * The headers of the object's manifest: content type (with the S3 ETag as {@link ListingEtag} parameter, so
     * bucket listings show it),
     * content headers, user metadata, and the reserved S3 ETag, upload id, parts count, checksum, tags, ACL and
     * the binding
     * of the manifest to its bucket and key ({@link ReservedMetadata#OBJECT}).
     *
     * @param eTag       the object's S3 ETag, unquoted ({@code <md5-of-md5s>-N})
     * @param partsCount N
     * @param checksum   the object's checksum, if the upload has a checksum algorithm
     */
    public SwiftHeaders manifestHeaders(String bucket, String eTag, int partsCount, Optional<ObjectChecksum> checksum) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        String type = contentType == null || contentType.isBlank() ? "binary/octet-stream" : contentType;
        headers.set("Content-Type", ListingEtag.contentTypeWith(type, eTag));
        contentHeaders.forEach(headers::set);
        userMetadata.forEach((name, value) -> headers.set("X-Object-Meta-" + name, value));
        headers.set(ReservedMetadata.ETAG, eTag);
        headers.set(ReservedMetadata.UPLOAD_ID, uploadId.value());
        headers.set(ReservedMetadata.PARTS_COUNT, Integer.toString(partsCount));
        headers.set(ReservedMetadata.OBJECT, ReservedMetadata.binding(bucket, key));
        checksum.ifPresent(sum -> {
            headers.set(ReservedMetadata.checksum(sum.algorithm()), sum.value());
            headers.set(META_CHECKSUM_TYPE, sum.type().name());
        });
        return headers.addAll(StoredTags.objectHeaders(tags)).addAll(acl).build();
    }

    private static SwiftHeaders aclPieces(SwiftHeaders marker) {
        SwiftHeaders.Builder pieces = SwiftHeaders.builder();
        marker.fields().stream().filter(field -> StoredAcl.isObjectAclPiece(field.getKey()))
                .forEach(field -> pieces.add(field.getKey(), field.getValue()));
        return pieces.build();
    }

    // Swift header values must be ASCII-safe; keys and display names may be any UTF-8.
    private static String encodeValue(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String decodeValue(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
