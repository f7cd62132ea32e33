package io.s3multi.s3.tus;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.multipart.UploadState;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/**
 * Reads a tus upload's state from Swift: its marker (the upload in progress) and the parts listed
 * ({@link TusProgress}), or, once the marker is gone, the object its completion published.
 */
final class TusUploads {

    private final TusCall call;
    private final TusUploadRef upload;
    private final UploadState state;

    TusUploads(TusCall call, TusUploadRef upload) {
        this.call = call;
        this.upload = upload;
        this.state = new UploadState(call.swift(), upload.bucket());
    }

    UploadState state() {
        return state;
    }

    /** The upload in progress; empty when its marker is gone or marked finished. */
    Optional<TusUpload> inProgress() throws SwiftException {
        Optional<SwiftReply> marker = S3Failures.unlessNotFound(() -> call.swift().objects().head(state.container(),
                SegmentsLayout.marker(upload.key(), upload.uploadId()), SwiftHeaders.empty()));
        if (marker.isEmpty() || UploadInfo.isFinishedMarker(marker.get().header("Content-Type"))) {
            return Optional.empty();
        }
        SwiftHeaders headers = marker.get().headers();
        return Optional.of(TusUpload.fromMarker(UploadInfo.fromMarker(upload.key(), upload.uploadId(), headers),
                headers));
    }

    /** The upload in progress. @throws TusException 404 when it is not */
    TusUpload requireInProgress() throws SwiftException {
        return inProgress().orElseThrow(() -> new TusException(404, "no such upload in progress"));
    }

    TusProgress progress() throws SwiftException {
        return TusProgress.of(state.allAttempts(upload.uploadId()));
    }

    /** The size of the object this upload published at its key; empty when the key holds no object of it. */
    Optional<Long> publishedSize() throws SwiftException {
        Optional<SwiftReply> object = S3Failures.unlessNotFound(() -> call.swift().objects().head(upload.bucket(),
                upload.key(), SwiftHeaders.empty()));
        return object.filter(found -> upload.uploadId().value().equals(found.header(ReservedMetadata.UPLOAD_ID)))
                .map(SwiftReply::contentLength);
    }
}
