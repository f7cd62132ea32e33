package io.s3multi.s3.tus;

import io.s3multi.s3.contract.ContentTypeParameters;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.swift.SwiftHeaders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A tus upload as its marker keeps it: the multipart {@link UploadInfo}, and what tus adds in reserved metadata of
 * the marker ({@code X-Object-Meta-S3multi-Tus-*}): the length once known, the {@code Upload-Metadata} as sent,
 * whether it is a partial upload (concatenation), and when it expires. The expiry also rides in the marker's
 * content type ({@code expires=<epoch seconds>}), so the sweeper reads it from a listing.
 *
 * @param info     the upload as multipart sees it
 * @param length   the {@code Upload-Length}; empty while deferred
 * @param metadata the {@code Upload-Metadata} header as the client sent it ({@code ""} without)
 * @param partial  whether it is a partial upload, to be concatenated into a final one
 * @param expires  when it expires unfinished; empty: never
 */
public record TusUpload(UploadInfo info, OptionalLong length, String metadata, boolean partial,
        Optional<Instant> expires) {

    static final String LENGTH = ReservedMetadata.SWIFT_PREFIX + "Tus-Length";
    static final String METADATA = ReservedMetadata.SWIFT_PREFIX + "Tus-Metadata";
    static final String CONCAT = ReservedMetadata.SWIFT_PREFIX + "Tus-Concat";
    /** The marker content type's parameter that holds the expiry, in epoch seconds. */
    public static final String EXPIRES_PARAMETER = "expires";

    public TusUpload {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(expires, "expires");
    }

    /** The same upload, its length now known. */
    public TusUpload withLength(long known) {
        return new TusUpload(info, OptionalLong.of(known), metadata, partial, expires);
    }

    /** Whether it expired by {@code now}. */
    public boolean expiredAt(Instant now) {
        return expires.isPresent() && !now.isBefore(expires.get());
    }

    /** The marker's headers: the multipart ones, and tus's. */
    public SwiftHeaders markerHeaders() {
        SwiftHeaders base = info.markerHeaders();
        SwiftHeaders.Builder headers = base.toBuilder();
        length.ifPresent(value -> headers.set(LENGTH, Long.toString(value)));
        if (!metadata.isEmpty()) {
            headers.set(METADATA, metadata);
        }
        if (partial) {
            headers.set(CONCAT, "partial");
        }
        expires.ifPresent(at -> {
            Map<String, String> parameters = new LinkedHashMap<>(ContentTypeParameters.parse(base.get("Content-Type")));
            parameters.put(EXPIRES_PARAMETER, Long.toString(at.getEpochSecond()));
            headers.set("Content-Type", ContentTypeParameters.format(UploadInfo.MARKER_CONTENT_TYPE, parameters));
        });
        return headers.build();
    }

    /** The tus upload a marker's HEAD shows. */
    public static TusUpload fromMarker(UploadInfo info, SwiftHeaders marker) {
        String length = marker.get(LENGTH);
        String expires = ContentTypeParameters.parse(marker.get("Content-Type")).get(EXPIRES_PARAMETER);
        return new TusUpload(info, length == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(length)),
                marker.get(METADATA) == null ? "" : marker.get(METADATA), "partial".equals(marker.get(CONCAT)),
                Optional.ofNullable(expires).map(seconds -> Instant.ofEpochSecond(Long.parseLong(seconds))));
    }

    /** When a listed marker's content type says its upload expires; empty for uploads that do not. */
    public static Optional<Instant> expiryOf(String markerContentType) {
        try {
            return Optional.ofNullable(ContentTypeParameters.parse(markerContentType).get(EXPIRES_PARAMETER))
                    .map(seconds -> Instant.ofEpochSecond(Long.parseLong(seconds)));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
