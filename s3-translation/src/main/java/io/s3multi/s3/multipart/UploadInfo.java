package io.s3multi.s3.multipart;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.ListingEtag;
import io.s3multi.s3.handler.object.ObjectMetadata;
import io.s3multi.s3.handler.object.ReservedMetadata;
import io.s3multi.s3.http.HeaderValues;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
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
 * initiated the upload.
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
 */
public record UploadInfo(String key, UploadId uploadId, String contentType, Map<String, String> contentHeaders,
        Map<String, String> userMetadata, Optional<DigestAlgorithm> checksumAlgorithm, ChecksumType checksumType,
        String initiator) {

    /** The reserved metadata prefix: never shown as x-amz-meta-*, refused as user metadata. */
    public static final String RESERVED_META = "X-Object-Meta-S3multi-";
    public static final String META_ETAG = ReservedMetadata.ETAG;
    public static final String META_UPLOAD_ID = ReservedMetadata.UPLOAD_ID;
    public static final String META_CHECKSUM_PREFIX = RESERVED_META + "Checksum-";
    public static final String META_CHECKSUM_TYPE = RESERVED_META + "Checksum-Type";
    public static final String META_PARTS_COUNT = ReservedMetadata.PARTS_COUNT;
    static final String MARKER_CONTENT_TYPE = "application/x-s3multi-upload";
    /** {@code application/x-s3multi-upload;finished=completed}: a completed upload whose clean-up did not end. */
    static final String FINISHED_PARAMETER = "finished";
    static final String FINISHED_COMPLETED = "completed";

    private static final String META_CONTENT_TYPE = RESERVED_META + "Content-Type";
    private static final String META_CHECKSUM_ALGORITHM = RESERVED_META + "Checksum-Algorithm";
    private static final String META_INITIATOR = RESERVED_META + "Initiator";
    private static final String META_KEY = RESERVED_META + "Key";
    private static final String META_HEADER_PREFIX = RESERVED_META + "Header-";
    private static final String USER_META = "x-object-meta-";
    private static final List<String> CONTENT_HEADERS =
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
    }

    /**
     * The upload a CreateMultipartUpload request asks for.
     *
     * @throws S3Exception InvalidRequest for an unknown checksum algorithm or type, InvalidArgument for
     *                     user metadata in the gateway's reserved namespace or a header value with a line break
     */
    public static UploadInfo fromCreateRequest(RequestHead head, String key, UploadId uploadId, String initiator) {
        head.headers().forEach((name, values) -> values.forEach(value -> HeaderValues.requireSingleLine(name, value)));
        Map<String, String> content = new LinkedHashMap<>();
        for (String name : CONTENT_HEADERS) {
            if (head.header(name) != null) {
                content.put(name, head.header(name));
            }
        }
        Map<String, String> user = new LinkedHashMap<>();
        head.headers().forEach((name, values) -> {
            if (name.startsWith("x-amz-meta-") && !values.isEmpty()) {
                String bare = name.substring("x-amz-meta-".length());
                if (ReservedMetadata.isReservedS3Name(name)) {
                    throw S3Exception.invalidArgument("x-amz-meta-" + bare, values.get(0),
                            "Metadata names starting with s3multi- are reserved.");
                }
                user.put(bare, String.join(",", values));
            }
        });
        ObjectMetadata.refuseReservedContentType(head.header("Content-Type"));
        Optional<DigestAlgorithm> algorithm = Optional.empty();
        String algorithmName = head.header("x-amz-checksum-algorithm");
        if (algorithmName != null) {
            algorithm = DigestAlgorithm.fromAwsName(algorithmName)
                    .filter(a -> a != DigestAlgorithm.MD5 && a != DigestAlgorithm.SHA512);
            if (algorithm.isEmpty()) {
                throw S3Exception.invalidRequest("Checksum algorithm provided is unsupported. Please try again with "
                        + "any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
            }
        }
        String typeName = head.header("x-amz-checksum-type");
        ChecksumType type = algorithm.map(a -> ChecksumType.resolve(typeName, a)).orElse(null);
        if (algorithm.isEmpty() && typeName != null) {
            throw S3Exception.invalidRequest("The x-amz-checksum-type header can only be used with the "
                    + "x-amz-checksum-algorithm header.");
        }
        return new UploadInfo(key, uploadId, head.header("Content-Type"), content, user, algorithm, type, initiator);
    }

    /** The marker as stored: the metadata above, and a content type that shows initiator and algorithm. */
    public SwiftHeaders markerHeaders() {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        Map<String, String> listed = new LinkedHashMap<>();
        listed.put("initiator", initiator);
        listed.put("checksum", checksumAlgorithm.map(DigestAlgorithm::awsName).orElse(null));
        headers.set("Content-Type", ContentTypeParameters.format(MARKER_CONTENT_TYPE, listed));
        headers.set(META_KEY, encodeValue(key));
        headers.set(META_INITIATOR, encodeValue(initiator));
        if (contentType != null) {
            headers.set(META_CONTENT_TYPE, encodeValue(contentType));
        }
        contentHeaders.forEach((name, value) -> headers.set(META_HEADER_PREFIX + name, encodeValue(value)));
        userMetadata.forEach((name, value) -> headers.set("X-Object-Meta-" + name, value));
        checksumAlgorithm.ifPresent(a -> headers.set(META_CHECKSUM_ALGORITHM, a.awsName()));
        if (checksumType != null) {
            headers.set(META_CHECKSUM_TYPE, checksumType.name());
        }
        return headers.build();
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
            } else if (lower.startsWith(USER_META) && !lower.startsWith(RESERVED_META.toLowerCase(Locale.ROOT))) {
                user.put(lower.substring(USER_META.length()), marker.get(name));
            }
        }
        Optional<DigestAlgorithm> algorithm = Optional.ofNullable(marker.get(META_CHECKSUM_ALGORITHM))
                .flatMap(DigestAlgorithm::fromAwsName);
        ChecksumType type = algorithm.isEmpty() ? null
                : ChecksumType.resolve(marker.get(META_CHECKSUM_TYPE), algorithm.get());
        String contentType = marker.get(META_CONTENT_TYPE) == null ? null : decodeValue(marker.get(META_CONTENT_TYPE));
        String initiator = marker.get(META_INITIATOR) == null ? "" : decodeValue(marker.get(META_INITIATOR));
        return new UploadInfo(key, uploadId, contentType, content, user, algorithm, type, initiator);
    }

    /**
     * The marker's headers once its upload is completed but not yet cleaned up (see the package comment): the
     * content type says so, and nothing else is kept (a POST replaces the metadata).
     */
    static SwiftHeaders finishedMarkerHeaders() {
        return SwiftHeaders.of("Content-Type",
                ContentTypeParameters.format(MARKER_CONTENT_TYPE, Map.of(FINISHED_PARAMETER, FINISHED_COMPLETED)));
    }

    /** Whether a marker's content type (from a HEAD or a listing) marks its upload finished. */
    static boolean isFinishedMarker(String markerContentType) {
        return FINISHED_COMPLETED.equals(ContentTypeParameters.parse(markerContentType).get(FINISHED_PARAMETER));
    }

    /** The initiator and checksum algorithm a listed marker's content type carries. */
    static Map<String, String> listedParameters(String markerContentType) {
        return ContentTypeParameters.parse(markerContentType);
    }

    /**
     * The headers of the object's manifest: content type (with the S3 ETag as {@link ListingEtag} parameter, so
     * bucket listings show it),
     * content headers, user metadata, and the reserved S3 ETag, upload id, parts count, checksum and the binding of
     * the manifest to its bucket and key ({@link ReservedMetadata#OBJECT}).
     */
    public SwiftHeaders manifestHeaders(String bucket, CompletionPlan plan) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder();
        String type = contentType == null || contentType.isBlank() ? "binary/octet-stream" : contentType;
        headers.set("Content-Type", ListingEtag.contentTypeWith(type, plan.eTag()));
        contentHeaders.forEach(headers::set);
        userMetadata.forEach((name, value) -> headers.set("X-Object-Meta-" + name, value));
        headers.set(META_ETAG, plan.eTag());
        headers.set(META_UPLOAD_ID, uploadId.value());
        headers.set(META_PARTS_COUNT, Integer.toString(plan.parts().size()));
        headers.set(ReservedMetadata.OBJECT, ReservedMetadata.binding(bucket, key));
        plan.checksum().ifPresent(sum -> {
            headers.set(META_CHECKSUM_PREFIX + capitalized(sum.algorithm()), sum.value());
            headers.set(META_CHECKSUM_TYPE, sum.type().name());
        });
        return headers.build();
    }

    /** {@code Crc32}, {@code Crc64nvme}, {@code Sha256}: the algorithm as the end of a header name. */
    static String capitalized(DigestAlgorithm algorithm) {
        String name = algorithm.awsName().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    // Swift header values must be ASCII-safe; keys and display names may be any UTF-8.
    private static String encodeValue(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String decodeValue(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
