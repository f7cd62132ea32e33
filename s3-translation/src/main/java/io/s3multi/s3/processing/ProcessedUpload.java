package io.s3multi.s3.processing;

import io.s3multi.s3.contract.ObjectChecksum;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.swift.SwiftAccount;
import java.util.List;
import java.util.Optional;

/**
 * An upload whose parts are known, about to be published: its bytes are its {@code parts}, in order, as segments of
 * {@code <bucket>_segments}.
 *
 * @param swift    the account that holds the bucket (the identity the completion acts with)
 * @param bucket   the bucket the object will appear in
 * @param upload   the upload's marker: key, upload id, content type, metadata
 * @param parts    the chosen part segments in object order
 * @param checksum the whole-object checksum the upload claimed, if any
 */
public record ProcessedUpload(SwiftAccount swift, String bucket, UploadInfo upload, List<StoredPart> parts,
        Optional<ObjectChecksum> checksum) {

    public ProcessedUpload {
        if (swift == null || bucket == null || upload == null || checksum == null) {
            throw new NullPointerException("swift, bucket, upload and checksum are required");
        }
        parts = List.copyOf(parts);
    }

    /** The object's size: the sum of its parts. */
    public long size() {
        return parts.stream().mapToLong(StoredPart::size).sum();
    }
}
