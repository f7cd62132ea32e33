package io.s3multi.s3.multipart;

import io.s3multi.s3.access.acl.AclWriteRules;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.lifecycle.ExpirationHeaders;
import io.s3multi.s3.operation.MissingBucket;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.processing.ProcessingSteps;
import io.s3multi.s3.request.S3Operation;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Routes the seven multipart operations ({@link S3Operation#isMultipart()}) to their handler method; the s3multi
 * stage answers these and passes every other request on.
 */
public final class MultipartDispatcher {

    private final UploadsHandler uploads;
    private final PartHandler parts;
    private final CompletionHandler completion;
    private final ForeignUploads foreign;
    private final ExpirationHeaders expiration;

    /** @param maxManifestSegments Swift's {@code slo.max_manifest_segments}, read when a Complete needs it */
    public MultipartDispatcher(MultipartSettings settings, IntSupplier maxManifestSegments) {
        this(settings, maxManifestSegments, MissingBucket.NO_SUCH_BUCKET);
    }

    /**
     * @param missingBucket what a bucket missing from the caller's account is: with a bucket registry, another
     *                      account's bucket is {@code AccessDenied}, and so are its uploads ({@link ForeignUploads})
     */
    public MultipartDispatcher(MultipartSettings settings, IntSupplier maxManifestSegments,
            MissingBucket missingBucket) {
        this(settings, maxManifestSegments, missingBucket, ExpirationHeaders.NONE);
    }

    /** @param expiration adds {@code x-amz-abort-date} and {@code x-amz-abort-rule-id} to Create and ListParts */
    public MultipartDispatcher(MultipartSettings settings, IntSupplier maxManifestSegments,
            MissingBucket missingBucket, ExpirationHeaders expiration) {
        this(settings, maxManifestSegments, missingBucket, expiration, AclWriteRules.NONE, ProcessingSteps.NONE);
    }

    /**
     * @param aclRules   what the buckets' settings let CreateMultipartUpload's ACL be
     * @param processing the steps every upload passes before it is published at its key (Complete)
     */
    public MultipartDispatcher(MultipartSettings settings, IntSupplier maxManifestSegments,
            MissingBucket missingBucket, ExpirationHeaders expiration, AclWriteRules aclRules,
            ProcessingSteps processing) {
        this(settings, maxManifestSegments, missingBucket, expiration, aclRules, processing,
                new FinishLocks(settings.claimTimeout()));
    }

    /** @param finishLocks the gateway's locks of uploads being finished, shared with tus ({@link CompletionHandler}) */
    public MultipartDispatcher(MultipartSettings settings, IntSupplier maxManifestSegments,
            MissingBucket missingBucket, ExpirationHeaders expiration, AclWriteRules aclRules,
            ProcessingSteps processing, FinishLocks finishLocks) {
        this.expiration = Objects.requireNonNull(expiration, "expiration");
        KnownUploads known = new KnownUploads();
        this.uploads = new UploadsHandler(settings, aclRules, known);
        this.parts = new PartHandler(settings, known);
        this.completion = new CompletionHandler(settings, maxManifestSegments, processing, finishLocks);
        this.foreign = new ForeignUploads(missingBucket);
    }

    /** @throws IllegalArgumentException for an operation this dispatcher does not answer */
    public S3Response dispatch(S3Operation operation, S3Call call) {
        try {
            return route(operation, call);
        } catch (S3Exception failure) {
            throw foreign.translate(operation, call, failure);
        }
    }

    private S3Response route(S3Operation operation, S3Call call) {
        return switch (operation) {
            case CREATE_MULTIPART_UPLOAD -> expiration.onUpload(call, call.clock().instant(),
                    uploads.createMultipartUpload(call));
            case LIST_MULTIPART_UPLOADS -> uploads.listMultipartUploads(call);
            case UPLOAD_PART -> parts.uploadPart(call);
            case UPLOAD_PART_COPY -> parts.uploadPartCopy(call);
            case LIST_PARTS -> {
                S3Response listed = parts.listParts(call);
                yield expiration.onUpload(call, UploadId.parse(call.request().param("uploadId").orElse(null))
                        .initiated(), listed);
            }
            case COMPLETE_MULTIPART_UPLOAD -> {
                // The object about to appear reads its bytes from the segments container: with the bucket's ACLs.
                SegmentsAcl.resync(call);
                yield completion.completeMultipartUpload(call);
            }
            case ABORT_MULTIPART_UPLOAD -> completion.abortMultipartUpload(call);
            default -> throw new IllegalArgumentException(operation + " is not a multipart operation");
        };
    }
}
