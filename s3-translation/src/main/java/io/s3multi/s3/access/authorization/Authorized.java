package io.s3multi.s3.access.authorization;

import io.s3multi.s3.operation.KeyDeletions;
import io.s3multi.s3.operation.RequestBodySource;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.request.S3Request;
import io.s3multi.swift.SwiftAccount;
import java.time.Clock;
import java.util.Objects;

/**
 * A request the {@link Authorizer} allowed, and how it acts on Swift.
 *
 * @param identity  who the operation acts as: the requester (its {@code ownerId} stays the requester's canonical
 *                  id, for initiators and object owners), with {@code swiftAccount} the bucket owner's account when
 *                  that is another
 * @param swift     the Swift account the operation acts on, with the session to use
 * @param principal the S3 principal for the access log: the user's ARN, or {@code anonymous}
 * @param service   whether {@code swift} is reached with the gateway's service identity (else the requester's own)
 * @param deletions which keys of a DeleteObjects body it may delete ({@link KeyDeletions#ALL} for other operations)
 */
public record Authorized(S3Identity identity, SwiftAccount swift, String principal, boolean service,
                         KeyDeletions deletions) {

    public Authorized {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(swift, "swift");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(deletions, "deletions");
    }

    Authorized(S3Identity identity, SwiftAccount swift, String principal, boolean service) {
        this(identity, swift, principal, service, KeyDeletions.ALL);
    }

    /** The same, deciding each key of a DeleteObjects body with {@code deletions}. */
    Authorized deciding(KeyDeletions keys) {
        return new Authorized(identity, swift, principal, service, keys);
    }

    /** The access log's words for it: {@code <principal>@own} or {@code <principal>@service:<account>}. */
    public String logField() {
        return principal + (service ? "@service:" + identity.swiftAccount() : "@own");
    }

    /** The call the operation runs with. */
    public S3Call call(S3Request request, RequestBodySource body, Clock clock, String requestId) {
        return new S3Call(request, identity, swift, body, clock, requestId, deletions);
    }
}
