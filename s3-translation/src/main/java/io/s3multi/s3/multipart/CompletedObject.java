package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ChecksumType;
import io.s3multi.s3.contract.ObjectChecksum;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.StoredObject;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.xml.documents.CompleteMultipartUploadResult;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the object at a Complete's or Abort's key tells about uploads: which upload made it (its reserved
 * {@link ReservedMetadata#UPLOAD_ID}, bound to the key: {@link CompletedManifest}), and the answer a Complete gave
 * when it made it, rebuilt from its reserved metadata so that a retried Complete needs nothing kept for it.
 */
final class CompletedObject {

    private static final Logger LOG = LoggerFactory.getLogger(CompletedObject.class);

    private CompletedObject() {
    }

    /**
     * The upload the object at the call's key claims to be made from ({@link CompletedManifest#claimedUpload}):
     * enough to tell whether the key shows a given upload's manifest, never to delete another upload's segments.
     */
    static Optional<UploadId> uploadOf(S3Call call) throws SwiftException {
        return uploadOf(call.swift(), call.bucket(), call.key());
    }

    /** {@link #uploadOf(S3Call)} without a request: the object {@code key} of {@code bucket} in {@code swift}. */
    static Optional<UploadId> uploadOf(SwiftAccount swift, String bucket, String key) throws SwiftException {
        // A finisher's look at the other's step: the newest replica's answer.
        return S3Failures.unlessNotFound(() -> swift.objects().head(bucket, key, SwiftHeaders.newest()))
                .flatMap(object -> CompletedManifest.claimedUpload(bucket, key, object.headers()));
    }

    /**
     * What a Complete finds at its key before it writes its manifest: the upload whose segments may go with the
     * object there ({@link CompletedManifest#verifiedUpload}; only the null version's: a versioned object, one with
     * a version id, outlives the write as a noncurrent version, segments and all), and whether the bucket has
     * versioning configured (Swift's answer about a key, 200 or 404, says so).
     */
    record Before(Optional<OverwrittenUpload> overwritten, boolean versioningConfigured) {
    }

    /** {@link Before}: one HEAD of the call's key. */
    static Before before(S3Call call) throws SwiftException {
        SwiftReply object;
        try {
            object = call.swift().objects().head(call.bucket(), call.key(), SwiftHeaders.empty());
        } catch (SwiftException e) {
            if (S3Failures.isStatus(e, 404)) {
                return new Before(Optional.empty(), VersionHeaders.versioningConfigured(e));
            }
            throw e;
        }
        SwiftHeaders headers = object.headers();
        boolean versioned = VersionHeaders.versioningConfigured(headers);
        if (!VersionHeaders.isNullVersion(headers)) {
            return new Before(Optional.empty(), versioned);
        }
        return new Before(CompletedManifest.verifiedUpload(call.swift(), call.bucket(), call.key(), headers)
                .map(upload -> new OverwrittenUpload(upload, headers.get("X-Timestamp"))), versioned);
    }

    /** The answer of a Complete that already made the object at the call's key from this upload. */
    static Optional<CompleteMultipartUploadResult> earlierAnswer(S3Call call, UploadId uploadId) {
        Optional<SwiftReply> object = S3Failures.forCall(call, () -> head(call));
        if (object.isEmpty() || !CompletedManifest.claimedUpload(call.bucket(), call.key(), object.get().headers())
                .equals(Optional.of(uploadId))) {
            return Optional.empty();
        }
        StoredObject stored = new StoredObject(object.get().headers());
        Optional<ObjectChecksum> checksum = stored.checksum().map(sum -> new ObjectChecksum(
                sum.algorithm(), ChecksumType.valueOf(sum.type()), sum.value()));
        return Optional.of(result(call, MultipartEtag.normalize(stored.etag()), checksum));
    }

    /**
     * The answer of the Complete that just made the object at the call's key: {@code result} with the
     * {@code x-amz-version-id} of the version it wrote. Swift's heartbeat answer to the manifest PUT carries no
     * version id, so the key is looked at: when it still shows this upload's manifest, its version is the one
     * written; when a write replaced it meanwhile, the version id is left out rather than another's given. In a
     * bucket without versioning when the Complete looked at its key ({@code versioningConfigured} false) there is
     * no version id to give, and no look.
     */
    static HeartbeatBody.Answer withVersion(S3Call call, UploadId uploadId, CompleteMultipartUploadResult result,
            boolean versioningConfigured) {
        if (!versioningConfigured) {
            return new HeartbeatBody.Answer(result, Map.of());
        }
        Optional<String> version = Optional.empty();
        try {
            Optional<SwiftReply> object = head(call);
            if (object.isPresent() && CompletedManifest.claimedUpload(call.bucket(), call.key(),
                    object.get().headers()).equals(Optional.of(uploadId))) {
                SwiftHeaders headers = object.get().headers();
                version = VersionHeaders.written(headers, VersionHeaders.versioningConfigured(headers));
            }
        } catch (SwiftException e) {
            // The object is complete and durable: its answer goes without the version id rather than fail.
            LOG.warn("could not read the version id of upload {} at {}/{}: {}", uploadId, call.bucket(), call.key(),
                    e.toString());
        }
        return new HeartbeatBody.Answer(result,
                version.map(id -> Map.of(VersionHeaders.VERSION_ID, id)).orElse(Map.of()));
    }

    /** The CompleteMultipartUploadResult of the call's key. */
    static CompleteMultipartUploadResult result(S3Call call, String eTag,
            Optional<ObjectChecksum> checksum) {
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
        return head(call.swift(), call.bucket(), call.key());
    }

    private static Optional<SwiftReply> head(SwiftAccount swift, String bucket, String key) throws SwiftException {
        return S3Failures.unlessNotFound(() -> swift.objects().head(bucket, key, SwiftHeaders.empty()));
    }
}
