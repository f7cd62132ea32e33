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

/**
 * GetObject and HeadObject with {@code ?partNumber=n}: which bytes of the object part {@code n} is, and how many
 * parts the object has ({@code x-amz-mp-parts-count}), for the object handlers to answer with a ranged read.
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
     * @throws S3Exception {@code InvalidPartNumber} (416) for a part the object does not have
     */
    public static PartRange locate(SwiftAccount swift, String bucket, SwiftHeaders objectHead, int partNumber)
            throws SwiftException {
        String uploadId = objectHead.get(ReservedMetadata.UPLOAD_ID);
        int parts = partsCount(objectHead);
        long length = objectHead.contentLength();
        if (uploadId == null || parts == 0 || !UploadId.isWellFormed(uploadId.trim())) {
            if (partNumber != 1) {
                throw S3Exception.partNumberNotSatisfiable(partNumber, 1);
            }
            return new PartRange(1, null, 0, length - 1);
        }
        uploadId = uploadId.trim();
        if (partNumber > parts) {
            throw S3Exception.partNumberNotSatisfiable(partNumber, parts);
        }
        UploadId id = new UploadId(uploadId);
        String container = SegmentsLayout.container(bucket);
        List<StoredPart> stored = PartsPage.read(id, 0, partNumber,
                query -> swift.containers().listObjects(container, query).entries()).parts();
        if (stored.size() < partNumber) {
            throw S3Exception.internalError("object " + bucket + " made by upload " + uploadId + " has "
                    + stored.size() + " part segments, expected at least " + partNumber);
        }
        long offset = 0;
        for (int i = 0; i < partNumber - 1; i++) {
            offset += stored.get(i).size();
        }
        return new PartRange(partNumber, parts, offset, offset + stored.get(partNumber - 1).size() - 1);
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
