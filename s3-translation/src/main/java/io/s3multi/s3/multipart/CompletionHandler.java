package io.s3multi.s3.multipart;

import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.S3Call;
import io.s3multi.s3.handler.S3Response;
import io.s3multi.s3.handler.SwiftStatusMapper;
import io.s3multi.s3.integrity.S3IntegrityException;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import io.s3multi.s3.xml.documents.CompleteMultipartUploadResult;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.s3multi.s3.integrity.DigestAlgorithm;
import java.net.URLEncoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The operations that finish an upload: CompleteMultipartUpload and AbortMultipartUpload.
 *
 * <p>Both first win the upload's {@link Claim}, so a Complete racing an Abort (or another Complete) has
 * exactly one winner, and the loser answers as AWS would (NoSuchUpload, or the winner's own result for a
 * repeated Complete). Complete checks everything it can before its answer starts (body, parts, sizes,
 * ETags, checksums, preconditions), so those errors carry their real status; the manifest is written while
 * the answer is being sent ({@link HeartbeatBody}).
 *
 * <p>Clean-up after a Complete, in this order, so that nothing is orphaned by normal operation: delete the
 * marker (later part uploads now fail and delete themselves), then the claim; delete every part not named,
 * listed afresh so a part stored meanwhile goes too; delete what the overwritten object (if it was made by
 * multipart) kept in {@code <bucket>_segments} — only now, once the new manifest is durable. A retried
 * Complete finds the marker gone and answers from the object's reserved metadata when the object at the key
 * was made by this upload ({@code X-Object-Meta-S3multi-Upload-Id}).
 */
public final class CompletionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionHandler.class);
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(30);
    private static final Duration CLAIM_POLL = Duration.ofMillis(200);

    private final MultipartSettings settings;
    private final IntSupplier maxManifestSegments;

    /** @param maxManifestSegments Swift's {@code slo.max_manifest_segments} from {@code /info} */
    public CompletionHandler(MultipartSettings settings, IntSupplier maxManifestSegments) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.maxManifestSegments = Objects.requireNonNull(maxManifestSegments, "maxManifestSegments");
    }

    public S3Response completeMultipartUpload(S3Call call) {
        UploadId uploadId = UploadId.parse(call.request().param("uploadId").orElse(null));
        String key = call.key();
        boolean ifNoneMatch = conditional(call);
        CompleteMultipartUpload body = readBody(call);
        UploadState state = new UploadState(call.swift(), call.bucket());
        SwiftStatusMapper.Target target = SwiftStatusMapper.Target.object(call.bucket(), key);
        try {
            UploadInfo upload;
            try {
                upload = state.requireUpload(key, uploadId);
            } catch (S3Exception noSuchUpload) {
                return answerOfEarlierComplete(call, uploadId).orElseThrow(() -> noSuchUpload);
            }
            if (ifNoneMatch && objectExists(call, key)) {
                throw S3Exception.preconditionFailed("If-None-Match");
            }
            CompletionPlan plan = CompletionPlan.check(body.parts(), state.allParts(uploadId),
                    settings.minPartSize(), upload);
            if (!Claim.tryCreate(call.swift(), state, uploadId, Claim.State.COMPLETING)) {
                return afterOtherClaim(call, state, uploadId);
            }
            if (!state.markerExists(key, uploadId)) {
                Claim.release(state, uploadId);
                return answerOfEarlierComplete(call, uploadId)
                        .orElseThrow(() -> S3Exception.noSuchUpload(uploadId.value()));
            }
            Optional<UploadId> overwritten = multipartUploadOf(call, key).filter(old -> !old.equals(uploadId));
            SwiftHeaders headers = upload.manifestHeaders(plan);
            if (ifNoneMatch) {
                headers = headers.with("If-None-Match", "*");
            }
            SwiftHeaders manifestHeaders = headers;
            HeartbeatBody.Work work = new HeartbeatBody.Work() {
                @Override
                public Object run() {
                    return finish(call, state, uploadId, plan, manifestHeaders, overwritten);
                }

                @Override
                public void abandon() {
                    release(state, uploadId);
                }
            };
            return S3Response.status(200).withHeader("Content-Type", "application/xml")
                    .withBody(new HeartbeatBody(work, settings.heartbeatInterval(), call.requestId()));
        } catch (SwiftException e) {
            throw SwiftFailures.toS3(e, target);
        }
    }

    private CompleteMultipartUploadResult finish(S3Call call, UploadState state, UploadId uploadId,
            CompletionPlan plan, SwiftHeaders headers, Optional<UploadId> overwritten) {
        String key = call.key();
        try {
            new ManifestWriter(call.swift(), state.container()).write(call.bucket(), key, uploadId, plan.parts(),
                    maxManifestSegments.getAsInt(), headers);
        } catch (SwiftException e) {
            release(state, uploadId);
            throw manifestFailure(e, call, uploadId, plan);
        }
        try {
            // The marker first, the claim after it: see Claim.
            state.deleteQuietly(SegmentsLayout.marker(key, uploadId));
            Claim.release(state, uploadId);
            Set<Integer> chosen = new HashSet<>();
            plan.parts().forEach(part -> chosen.add(part.number()));
            List<String> unnamed = new ArrayList<>();
            for (Map.Entry<Integer, StoredPart> part : state.allParts(uploadId).entrySet()) {
                if (!chosen.contains(part.getKey())) {
                    unnamed.add(SegmentsLayout.part(uploadId, part.getKey()));
                }
            }
            state.deleteAll(unnamed);
            if (overwritten.isPresent()) {
                state.deleteObjectSegments(overwritten.get());
            }
        } catch (SwiftException e) {
            // The object is complete and durable; what is left over is garbage, not a failure of the request.
            LOG.warn("clean-up after completing upload {} of {}/{} failed: {}", uploadId, call.bucket(), key,
                    e.toString());
        }
        return result(call, plan.eTag(), plan.checksum());
    }

    /**
     * Another Complete or an Abort holds the claim: wait (briefly) for it to finish, then answer as a retry
     * would: the completed object's answer if it was this upload, else NoSuchUpload.
     */
    private static S3Response afterOtherClaim(S3Call call, UploadState state, UploadId uploadId)
            throws SwiftException {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (Claim.isHeld(call.swift(), state, uploadId) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(CLAIM_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return answerOfEarlierComplete(call, uploadId)
                .orElseThrow(() -> S3Exception.noSuchUpload(uploadId.value()).withReason("claimed"));
    }

    private static S3Exception manifestFailure(SwiftException e, S3Call call, UploadId uploadId, CompletionPlan plan) {
        if (e instanceof SwiftHttpStatusException status) {
            if (status.status() == 412) {
                return S3Exception.preconditionFailed("If-None-Match");
            }
            String snippet = status.bodySnippet() == null ? "" : status.bodySnippet();
            if (status.status() == 400 && (snippet.contains("Etag Mismatch") || snippet.contains("404")
                    || snippet.contains("Size Mismatch"))) {
                StoredPart first = plan.parts().get(0);
                return S3Exception.invalidPart(uploadId.value(), first.number(), MultipartEtag.quote(first.md5Hex()))
                        .withReason("segment changed");
            }
        }
        return SwiftFailures.toS3(e, SwiftStatusMapper.Target.object(call.bucket(), call.key()));
    }

    private static void release(UploadState state, UploadId uploadId) {
        try {
            state.deletePrefix(SegmentsLayout.manifestsPrefix(uploadId));
            Claim.release(state, uploadId);
        } catch (SwiftException e) {
            LOG.warn("could not release the claim of upload {}: {}", uploadId, e.toString());
        }
    }

    /**
     * The answer of a Complete that already made the object at this key from this upload (a retried
     * Complete): read from the object's reserved metadata, so nothing has to be kept for it.
     */
    private static Optional<S3Response> answerOfEarlierComplete(S3Call call, UploadId uploadId) {
        try {
            SwiftReply head = call.swift().objects().head(call.bucket(), call.key(), SwiftHeaders.empty());
            if (!uploadId.value().equals(head.header(UploadInfo.META_UPLOAD_ID))
                    || head.header(UploadInfo.META_ETAG) == null) {
                return Optional.empty();
            }
            Optional<CompletionPlan.ObjectChecksum> checksum = Optional.empty();
            String type = head.header(UploadInfo.META_CHECKSUM_TYPE);
            for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
                String value = head.header(UploadInfo.META_CHECKSUM_PREFIX + UploadInfo.capitalized(algorithm));
                if (value != null && type != null) {
                    checksum = Optional.of(
                            new CompletionPlan.ObjectChecksum(algorithm, ChecksumType.valueOf(type), value));
                }
            }
            return Optional.of(S3Response.xml(result(call, head.header(UploadInfo.META_ETAG), checksum)));
        } catch (SwiftException e) {
            if (SwiftFailures.isStatus(e, 404)) {
                return Optional.empty();
            }
            throw SwiftFailures.toS3(e, SwiftStatusMapper.Target.object(call.bucket(), call.key()));
        }
    }

    private static CompleteMultipartUploadResult result(S3Call call, String eTag,
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

    /** AbortMultipartUpload: the marker, every part and sub-manifest; NoSuchUpload when unknown or finished. */
    public S3Response abortMultipartUpload(S3Call call) {
        UploadId uploadId = UploadId.parse(call.request().param("uploadId").orElse(null));
        UploadState state = new UploadState(call.swift(), call.bucket());
        state.requireUpload(call.key(), uploadId);
        try {
            if (!Claim.tryCreate(call.swift(), state, uploadId, Claim.State.ABORTING)) {
                throw S3Exception.noSuchUpload(uploadId.value()).withReason("claimed");
            }
            if (!state.markerExists(call.key(), uploadId)) {
                // A Complete or Abort finished between our HEAD and our claim: its parts are not ours to touch.
                Claim.release(state, uploadId);
                throw S3Exception.noSuchUpload(uploadId.value());
            }
            // The marker first: a part stored from now on sees it gone and deletes itself.
            state.deleteQuietly(SegmentsLayout.marker(call.key(), uploadId));
            state.deletePrefix(SegmentsLayout.partsPrefix(uploadId));
            state.deletePrefix(SegmentsLayout.manifestsPrefix(uploadId));
            Claim.release(state, uploadId);
        } catch (SwiftException e) {
            throw SwiftFailures.toS3(e, SwiftStatusMapper.Target.object(call.bucket(), call.key()));
        }
        return S3Response.noContent();
    }

    private static boolean conditional(S3Call call) {
        if (call.request().header("If-Match") != null) {
            throw S3Exception.notImplementedHeader("If-Match");
        }
        String ifNoneMatch = call.request().header("If-None-Match");
        if (ifNoneMatch == null) {
            return false;
        }
        if (!ifNoneMatch.trim().equals("*")) {
            throw S3Exception.notImplementedHeader("If-None-Match");
        }
        return true;
    }

    private static CompleteMultipartUpload readBody(S3Call call) {
        try {
            return S3Xml.read(call.body().open(Set.of()).stream(), CompleteMultipartUpload.class,
                    S3Xml.MAX_COMPLETE_MULTIPART_UPLOAD_BYTES);
        } catch (S3AuthException e) {
            throw S3Exception.fromCode(e.code(), e.getMessage());
        } catch (S3IntegrityException e) {
            throw S3Exception.fromCode(e.code(), e.getMessage());
        }
    }

    private static boolean objectExists(S3Call call, String key) throws SwiftException {
        try {
            call.swift().objects().head(call.bucket(), key, SwiftHeaders.empty());
            return true;
        } catch (SwiftException e) {
            if (SwiftFailures.isStatus(e, 404)) {
                return false;
            }
            throw e;
        }
    }

    /** The upload the current object at {@code key} was made from, if it was made by multipart. */
    private static Optional<UploadId> multipartUploadOf(S3Call call, String key) throws SwiftException {
        try {
            SwiftReply head = call.swift().objects().head(call.bucket(), key, SwiftHeaders.empty());
            String id = head.header(UploadInfo.META_UPLOAD_ID);
            return id != null && UploadId.isWellFormed(id) ? Optional.of(new UploadId(id)) : Optional.empty();
        } catch (SwiftException e) {
            if (SwiftFailures.isStatus(e, 404)) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
