package io.s3multi.s3.contract;

import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.swift.SwiftHeaders;
import java.util.Map;

/**
 * The content type of a part segment: {@code application/x-s3multi-part}, with the part's checksum as a
 * parameter ({@code ;checksum=CRC32:<base64>}, encoded) so ListParts and Complete read it from the listing.
 */
public final class PartContentType {

    public static final String BASE = "application/x-s3multi-part";
    private static final String CHECKSUM = "checksum";

    private PartContentType() {
    }

    public static String of(StoredPart.PartChecksum checksum) {
        return checksum == null ? BASE
                : ContentTypeParameters.format(BASE,
                        Map.of(CHECKSUM, checksum.algorithm().awsName() + ":" + checksum.base64()));
    }

    /** What a part segment carries for its checksum: the content type above and the reserved metadata. */
    public static SwiftHeaders headers(StoredPart.PartChecksum checksum) {
        return SwiftHeaders.of("Content-Type", of(checksum),
                ReservedMetadata.checksum(checksum.algorithm()), checksum.base64());
    }

    public static StoredPart.PartChecksum checksumIn(String contentType) {
        String value = ContentTypeParameters.parse(contentType).get(CHECKSUM);
        if (value == null || value.indexOf(':') < 0) {
            return null;
        }
        String name = value.substring(0, value.indexOf(':'));
        return DigestAlgorithm.fromAwsName(name)
                .map(algorithm -> new StoredPart.PartChecksum(algorithm, value.substring(value.indexOf(':') + 1)))
                .orElse(null);
    }
}
