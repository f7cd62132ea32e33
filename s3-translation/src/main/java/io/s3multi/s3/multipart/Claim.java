package io.s3multi.s3.multipart;

import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;

import java.util.Locale;
import java.util.Optional;

/**
 * The object {@code claims/<upload id>} that decides who finishes an upload: Complete and Abort both create
 * it with {@code If-None-Match: *} before they change anything, so exactly one of them wins, however they
 * interleave. The winner records its outcome in the claim's metadata; a Complete that has written the object
 * records the S3 ETag and checksum there, so a retried Complete (whose marker is gone) gets the same answer.
 * The claim of a completed upload lives as long as the object (deleting or overwriting the object deletes it
 * with the object's segments); an Abort or a failed Complete removes its claim when done.
 *
 * @param state    what the winner does or did
 * @param key      the object key
 * @param eTag     the S3 ETag, once completed
 * @param checksum the object's checksum, once completed with one
 */
record Claim(State state, String key, String eTag, Optional<CompletionPlan.ObjectChecksum> checksum) {

    enum State { COMPLETING, COMPLETED, ABORTING }

    private static final String META_STATE = UploadInfo.RESERVED_META + "State";
    private static final String META_KEY = UploadInfo.RESERVED_META + "Key";
    private static final String META_CHECKSUM_ALGORITHM = UploadInfo.RESERVED_META + "Checksum-Algorithm";
    private static final String META_CHECKSUM_VALUE = UploadInfo.RESERVED_META + "Checksum-Value";

    /** Creates the claim; false when another request holds it already. */
    static boolean tryCreate(SwiftAccount swift, UploadState upload, UploadId uploadId, State state, String key)
            throws SwiftException {
        try {
            swift.objects().put(upload.container(), SegmentsLayout.claim(uploadId), new byte[0], SwiftHeaders.of(
                    "If-None-Match", "*",
                    "Content-Type", "application/x-s3multi-claim",
                    META_STATE, state.name(),
                    META_KEY, encode(key)));
            return true;
        } catch (SwiftException e) {
            if (SwiftFailures.isStatus(e, 412)) {
                return false;
            }
            throw e;
        }
    }

    /** The claim, if any. */
    static Optional<Claim> read(SwiftAccount swift, UploadState upload, UploadId uploadId) throws SwiftException {
        SwiftReply reply;
        try {
            reply = swift.objects().head(upload.container(), SegmentsLayout.claim(uploadId), SwiftHeaders.empty());
        } catch (SwiftException e) {
            if (SwiftFailures.isStatus(e, 404)) {
                return Optional.empty();
            }
            throw e;
        }
        State state;
        try {
            state = State.valueOf(String.valueOf(reply.header(META_STATE)).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        Optional<CompletionPlan.ObjectChecksum> checksum = Optional.ofNullable(reply.header(META_CHECKSUM_ALGORITHM))
                .flatMap(DigestAlgorithm::fromAwsName)
                .map(algorithm -> new CompletionPlan.ObjectChecksum(algorithm,
                        ChecksumType.valueOf(reply.header(UploadInfo.META_CHECKSUM_TYPE)),
                        reply.header(META_CHECKSUM_VALUE)));
        String key = reply.header(META_KEY) == null ? null : decode(reply.header(META_KEY));
        return Optional.of(new Claim(state, key, reply.header(UploadInfo.META_ETAG), checksum));
    }

    /** Records a finished Complete: its ETag and checksum, for retries. */
    static void recordCompleted(SwiftAccount swift, UploadState upload, UploadId uploadId, String key,
            CompletionPlan plan) throws SwiftException {
        SwiftHeaders.Builder headers = SwiftHeaders.builder()
                .set("Content-Type", "application/x-s3multi-claim")
                .set(META_STATE, State.COMPLETED.name())
                .set(META_KEY, encode(key))
                .set(UploadInfo.META_ETAG, plan.eTag());
        plan.checksum().ifPresent(sum -> headers.set(META_CHECKSUM_ALGORITHM, sum.algorithm().awsName())
                .set(UploadInfo.META_CHECKSUM_TYPE, sum.type().name())
                .set(META_CHECKSUM_VALUE, sum.value()));
        swift.objects().post(upload.container(), SegmentsLayout.claim(uploadId), headers.build());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
