package io.s3multi.s3.processing;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;

/**
 * The ordered steps an upload passes before it is published at its key (setting
 * {@code filter.s3multi.processing_steps}). The completion path calls {@link #process} after the parts are known and
 * before the manifest is written at the key, with the upload's finish lock held; it publishes on
 * {@link ProcessingVerdict#publishes()} and otherwise leaves the key alone.
 *
 * <p>The state of processing lives in Swift, so that a Complete retried on another gateway (or after a restart)
 * resumes after the last step that passed, and {@link #status} answers the same on every gateway (a tus HEAD, the
 * status URL of {@code Prefer: respond-async}).
 */
public interface ProcessingSteps {

    /** No steps: every upload is published at once, as without processing. */
    ProcessingSteps NONE = NoProcessingSteps.INSTANCE;

    /** Whether no step is configured, so {@link #process} publishes at once and records nothing. */
    boolean isEmpty();

    /**
     * Runs the steps the upload has not passed yet on its assembled bytes, recording each outcome in Swift, and
     * blocks until every step passed or one rejected the upload (a webhook's retries wait meanwhile).
     */
    ProcessingVerdict process(ProcessedUpload upload) throws SwiftException;

    /** The processing state Swift holds for the upload; {@link ProcessingStatus#none()} when there is none. */
    ProcessingStatus status(SwiftAccount swift, String bucket, UploadId uploadId) throws SwiftException;
}
