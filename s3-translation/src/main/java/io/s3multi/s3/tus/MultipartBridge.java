package io.s3multi.s3.tus;

import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.multipart.CompletionHandler;
import io.s3multi.s3.multipart.MultipartEtag;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.request.AddressingStyle;
import io.s3multi.s3.request.QueryParameters;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finishes tus uploads through the multipart code: a tus upload completes as CompleteMultipartUpload would with
 * the parts tus stored (the same checks, lock, manifest, clean-up, and whatever the completion path runs before it
 * publishes), and is terminated as AbortMultipartUpload. The multipart operations take an {@link S3Call}; this
 * builds the one a client would have sent for the upload ({@code ?uploadId=}, no headers, no body).
 */
final class MultipartBridge {

    private final CompletionHandler completion;

    /** @param completion a handler whose minimum part size is 0: tus parts have any size */
    MultipartBridge(CompletionHandler completion) {
        this.completion = Objects.requireNonNull(completion, "completion");
    }

    /** Publishes the upload's object at its key from {@code parts}; throws what the Complete answered. */
    void complete(TusCall call, TusUploadRef upload, List<StoredPart> parts) {
        CompleteMultipartUpload body = new CompleteMultipartUpload();
        parts.forEach(part -> body.addPart(part.number(), MultipartEtag.quote(part.md5Hex())));
        completion.completeNow(s3Call(call, upload), body);
    }

    /** Deletes the upload's marker and segments; NoSuchUpload when it is not in progress. */
    void abort(TusCall call, TusUploadRef upload) {
        completion.abortMultipartUpload(s3Call(call, upload));
    }

    /** Whether an S3 failure means the upload is not there (any more). */
    static boolean isNoSuchUpload(S3Exception failure) {
        return failure.code() == S3ErrorCode.NO_SUCH_UPLOAD;
    }

    static S3Call s3Call(TusCall call, TusUploadRef upload) {
        String query = "uploadId=" + upload.uploadId().value();
        RequestHead head = new RequestHead("POST", "/" + upload.bucket() + "/", query, Map.of());
        S3Request request = new S3Request(head, AddressingStyle.PATH, upload.bucket(), upload.key(),
                QueryParameters.parse(query));
        return new S3Call(request, call.identity(), call.swift(), alsoCompute -> {
            throw new IllegalStateException("a tus completion has no S3 request body");
        }, call.clock(), call.requestId());
    }
}
