package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.util.Objects;

/**
 * The multipart object a Complete replaces at its key: the null version (see {@link CompletedObject#overwritten}),
 * made by {@code uploadId}, whose HEAD showed {@code timestamp}.
 *
 * <p>On a bucket with Swift's object versioning enabled, Swift does not replace the null version but moves it into
 * its versions under the version id {@code timestamp} (its {@code X-Timestamp}); its segments then belong to that
 * noncurrent version and go only when it is deleted by id. Whether that happened is asked of Swift after the
 * manifest is written ({@link #keptAsVersion}), because the answer of a manifest PUT with heartbeat carries no
 * version id, and a bucket's versioning can be switched at any time.
 */
record OverwrittenUpload(UploadId uploadId, String timestamp) {

    OverwrittenUpload {
        Objects.requireNonNull(uploadId, "uploadId");
    }

    /**
     * Whether Swift kept the replaced object as a version of the call's key: a HEAD of that version id is 200. A
     * container without versioning answers 400 to any id but {@code null}, and one with versioning 404 when the
     * object was replaced in place (versioning suspended).
     */
    boolean keptAsVersion(S3Call call) throws SwiftException {
        if (timestamp == null || timestamp.isBlank()) {
            return false;
        }
        return S3Failures.unlessStatus(400, () -> S3Failures.unlessNotFound(() -> call.swift().objects()
                .headVersion(call.bucket(), call.key(), timestamp.trim(), SwiftHeaders.empty()))).flatMap(kept -> kept)
                .isPresent();
    }
}
