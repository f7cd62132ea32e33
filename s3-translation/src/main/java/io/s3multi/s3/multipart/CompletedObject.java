package io.s3multi.s3.multipart;

import io.s3multi.s3.handler.S3Call;
import io.s3multi.s3.handler.SwiftStatusMapper;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.xml.documents.CompleteMultipartUploadResult;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the object at a Complete's or Abort's key tells about uploads: which upload made it (its reserved
 * {@link UploadInfo#META_UPLOAD_ID}), and the answer a Complete gave when it made it, rebuilt from its reserved
 * metadata so that a retried Complete needs nothing kept for it.
 */
final class CompletedObject {

    private CompletedObject() {
    }

    /** Whether any object is at the call's key. */
    static boolean exists(S3Call call) throws SwiftException {
        return head(call).isPresent();
    }

    /** The upload the object at the call's key was made from, if it was made by multipart. */
    static Optional<UploadId> uploadOf(S3Call call) throws SwiftException {
        return head(call).map(object -> object.header(UploadInfo.META_UPLOAD_ID))
                .filter(UploadId::isWellFormed)
                .map(UploadId::new);
    }

    /** The answer of a Complete that already made the object at the call's key from this upload. */
    static Optional<CompleteMultipartUploadResult> earlierAnswer(S3Call call, UploadId uploadId) {
        Optional<SwiftReply> object;
        try {
            object = head(call);
        } catch (SwiftException e) {
            throw SwiftFailures.toS3(e, SwiftStatusMapper.Target.object(call.bucket(), call.key()));
        }
        if (object.isEmpty() || !uploadId.value().equals(object.get().header(UploadInfo.META_UPLOAD_ID))
                || object.get().header(UploadInfo.META_ETAG) == null) {
            return Optional.empty();
        }
        SwiftReply head = object.get();
        Optional<CompletionPlan.ObjectChecksum> checksum = Optional.empty();
        String type = head.header(UploadInfo.META_CHECKSUM_TYPE);
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String value = head.header(UploadInfo.META_CHECKSUM_PREFIX + UploadInfo.capitalized(algorithm));
            if (value != null && type != null) {
                checksum = Optional.of(new CompletionPlan.ObjectChecksum(algorithm, ChecksumType.valueOf(type), value));
            }
        }
        return Optional.of(result(call, head.header(UploadInfo.META_ETAG), checksum));
    }

    /** The CompleteMultipartUploadResult of the call's key. */
    static CompleteMultipartUploadResult result(S3Call call, String eTag,
            Optional<CompletionPlan.ObjectChecksum> checksum) {
        String host = call.request().header("Host");
        String path = "/" + call.bucket() + "/" + URLEncoder.encode(call.key(), StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%2F", "/");
        CompleteMultipartUploadResult result = new CompleteMultipartUploadResult(
                host == null ? path : "http://" + host + path, call.bucket(), call.key(), MultipartEtag.quote(eTag));
        checksum.ifPresent(sum -> result.checksum(sum.algorithm().awsName(), sum.value())
                .checksumType(sum.type().name()));
        return result;
    }

    private static Optional<SwiftReply> head(S3Call call) throws SwiftException {
        try {
            return Optional.of(call.swift().objects().head(call.bucket(), call.key(), SwiftHeaders.empty()));
        } catch (SwiftException e) {
            if (SwiftFailures.isStatus(e, 404)) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
