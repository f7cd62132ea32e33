package io.s3multi.s3.operation;

import io.s3multi.s3.request.S3Request;
import io.s3multi.swift.SwiftAccount;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything one S3 operation works with: the parsed request, who sends it, that identity's Swift account,
 * the request body, and the request id its answer carries. S3 vocabulary comes in; Swift calls go out.
 *
 * @param request   the request, parsed once by the pipeline
 * @param identity  who the auth stage says sent it
 * @param swift     the Swift account the identity acts on, with its token
 * @param body      opens the verified request body
 * @param clock     the time, injectable for tests
 * @param requestId the transaction id, also sent as {@code x-amz-request-id}
 * @param deletions which keys of a DeleteObjects body the caller may delete, as its authorization decided
 */
public record S3Call(S3Request request, S3Identity identity, SwiftAccount swift, RequestBodySource body,
                     Clock clock, String requestId, KeyDeletions deletions) {

    public S3Call {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(swift, "swift");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(deletions, "deletions");
    }

    /** A call that may delete every key it names (no per-key authorization applies to it). */
    public S3Call(S3Request request, S3Identity identity, SwiftAccount swift, RequestBodySource body, Clock clock,
            String requestId) {
        this(request, identity, swift, body, clock, requestId, KeyDeletions.ALL);
    }

    public String bucket() {
        return request.bucket();
    }

    public String key() {
        return request.key();
    }

    /** The canonical id of the bucket's owner: the account the call acts on (another's, when authorized there). */
    public String bucketOwnerId() {
        return identity.swiftAccount();
    }

    /**
     * The display name S3 answers show for the bucket's owner: the caller's own when the caller belongs to the
     * owning account, else the owner's canonical id (the gateway knows no other name for another account).
     */
    public String bucketOwnerName() {
        return identity.ownerId().equals(identity.swiftAccount()) ? identity.displayName() : identity.swiftAccount();
    }
}
