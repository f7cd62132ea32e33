package io.s3multi.s3.processing;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import java.util.Objects;
import java.util.function.Supplier;

/** {@link ProcessingSteps#deferred}: every call asks the lookup for the steps in force. */
record DeferredProcessingSteps(Supplier<ProcessingSteps> lookup) implements ProcessingSteps {

    DeferredProcessingSteps {
        Objects.requireNonNull(lookup, "lookup");
    }

    private ProcessingSteps steps() {
        ProcessingSteps found = lookup.get();
        return found == null ? NONE : found;
    }

    @Override
    public boolean isEmpty() {
        return steps().isEmpty();
    }

    @Override
    public ProcessingVerdict process(ProcessedUpload upload) throws SwiftException {
        return steps().process(upload);
    }

    @Override
    public ProcessingStatus status(SwiftAccount swift, String bucket, UploadId uploadId) throws SwiftException {
        return steps().status(swift, bucket, uploadId);
    }

    @Override
    public void published(SwiftAccount swift, String bucket, UploadId uploadId) throws SwiftException {
        steps().published(swift, bucket, uploadId);
    }
}
