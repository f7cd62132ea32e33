package io.s3multi.s3.processing;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftAccount;

/** {@link ProcessingSteps#NONE}: publishes at once and keeps no state. */
enum NoProcessingSteps implements ProcessingSteps {
    INSTANCE;

    @Override
    public boolean isEmpty() {
        return true;
    }

    @Override
    public ProcessingVerdict process(ProcessedUpload upload) {
        return ProcessingVerdict.publish();
    }

    @Override
    public ProcessingStatus status(SwiftAccount swift, String bucket, UploadId uploadId) {
        return ProcessingStatus.none();
    }
}
