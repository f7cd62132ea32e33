package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.util.List;
import java.util.Optional;

/**
 * GetObject and HeadObject with {@code ?partNumber=n}: which bytes of the object part {@code n} is, and how many
 * parts the object has ({@code x-amz-mp-parts-count}), for the object handlers to answer with a ranged read; and
 * the page of parts GetObjectAttributes shows ({@link #parts}).
 *
 * <p>Part {@code n} is the n-th part named in Complete (attempts not chosen were deleted then, so the n-th part
 * number listed under {@code parts/<upload id>/} is it): its offset is the sum of the sizes before it, read from
 * one listing of at most {@code n} entries in the usual case ({@link PartsPage}), not from the (possibly nested)
 * manifest. Should a clean-up have given up and left other attempts of a part, the latest is counted: a retried
 * attempt holds the same bytes. A plain object has one part, itself; so has an object whose reserved parts count
 * is missing or malformed (it is never a 500).
 */
public final class PartReads {

    /**
     * The bytes of one part.
     *
     * @param partNumber the part asked for
     * @param partsCount the object's number of parts, or {@code null} for a plain object (no header then)
     * @param first      offset of its first byte
     * @param last       offset of its last byte ({@code first - 1} for an empty part)
     */
    public record PartRange(int partNumber, Integer partsCount, long first, long last) {

        /** The {@code Range} header value for Swift. */
        public String rangeHeader() {
            return "bytes=" + first + "-" + last;
        }
    }

    private PartReads() {
    }

    /**
     * @param objectHead the object's headers (HEAD), with its reserved metadata
     * @throws S3Exception {@code InvalidPart} (400, as AWS) for a part the object does not have
     */
    public static PartRange locate(SwiftAccount swift, String bucket, SwiftHeaders objectHead, int partNumber)
            throws SwiftException {
        Optional<UploadId> upload = madeBy(objectHead);
        long length = objectHead.contentLength();
        if (upload.isEmpty()) {
            if (partNumber != 1) {
                throw S3Exception.partNotInObject();
            }
            return new PartRange(1, null, 0, length - 1);
        }
        int parts = partsCount(objectHead);
        if (partNumber > parts) {
            throw S3Exception.partNotInObject();
        }
        List<StoredPart> stored = page(swift, bucket, upload.get(), 0, partNumber).parts();
        if (stored.size() < partNumber) {
            throw S3Exception.internalError("object " + bucket + " made by upload " + upload.get() + " has "
                    + stored.size() + " part segments, expected at least " + partNumber);
        }
        long offset = 0;
        for (int i = 0; i < partNumber - 1; i++) {
            offset += stored.get(i).size();
        }
        return new PartRange(partNumber, parts, offset, offset + stored.get(partNumber - 1).size() - 1);
    }

    /**
     * The parts of a multipart object after {@code partNumberMarker}, at most {@code maxParts} (GetObjectAttributes),
     * each with the number it was uploaded as, its size and checksum; empty for a plain object.
     *
     * @param objectHead the object's headers (HEAD), with its reserved metadata
     */
    public static Optional<ObjectParts> parts(SwiftAccount swift, String bucket, SwiftHeaders objectHead,
            int partNumberMarker, int maxParts) throws SwiftException {
        Optional<UploadId> upload = madeBy(objectHead);
        if (upload.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectParts(partsCount(objectHead),
                page(swift, bucket, upload.get(), partNumberMarker, maxParts)));
    }

    /** A page of a multipart object's parts, and how many parts it has in all. */
    public record ObjectParts(int partsCount, PartsPage page) {
    }

    /** The upload a completed multipart object was made from; empty for a plain object or malformed metadata. */
    private static Optional<UploadId> madeBy(SwiftHeaders objectHead) {
        String uploadId = objectHead.get(ReservedMetadata.UPLOAD_ID);
        if (uploadId == null || partsCount(objectHead) == 0 || !UploadId.isWellFormed(uploadId.trim())) {
            return Optional.empty();
        }
        return Optional.of(new UploadId(uploadId.trim()));
    }

    private static PartsPage page(SwiftAccount swift, String bucket, UploadId upload, int partNumberMarker,
            int maxParts) throws SwiftException {
        String container = SegmentsLayout.container(bucket);
        return PartsPage.read(upload, partNumberMarker, maxParts,
                query -> swift.containers().listObjects(container, query).entries());
    }

    /** The stored parts count of a completed multipart object (an SLO), or 0 when there is none or it is malformed. */
    private static int partsCount(SwiftHeaders objectHead) {
        String count = objectHead.get(ReservedMetadata.PARTS_COUNT);
        if (count == null || !"true".equalsIgnoreCase(objectHead.get("X-Static-Large-Object"))
                || !count.trim().matches("[1-9][0-9]{0,4}")) {
            return 0;
        }
        int parts = Integer.parseInt(count.trim());
        return parts <= 10_000 ? parts : 0;
    }
}
