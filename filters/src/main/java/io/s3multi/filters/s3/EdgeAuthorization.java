package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.s3.access.authorization.AccessRequest;
import io.s3multi.s3.access.authorization.Authorized;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.S3Operation;
import io.s3multi.s3.request.S3Request;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The edge's authorization step: who the request comes from (the auth stage's identity, or anonymous when it
 * carried no credentials at all), what the pipeline's {@link SharedAccess} decides, and the access log's
 * principal and Swift identity ({@link PipelineAttributes#ACCESS_IDENTITY}).
 */
final class EdgeAuthorization {

    private EdgeAuthorization() {
    }

    /**
     * @param authorizedAs   the request as authorization sees it (a form upload: the PutObject of its key)
     * @param authentication who an auth stage (or a PostObject form's signature) says sent the request; empty:
     *                       anonymous
     * @throws S3Exception {@code InvalidAccessKeyId} for credentials no stage knew, {@code AccessDenied} for a
     *                     request the authorizer refuses
     */
    static Authorized authorize(HttpServletRequest request, S3Exchange exchange, S3Request authorizedAs,
            S3Operation operation, Optional<S3Authentication> authentication) {
        SharedAccess access = SharedAccess.in(request.getServletContext());
        if (authentication.isEmpty() && exchange.signature().isPresent()) {
            throw S3Exception.invalidAccessKeyId(exchange.signature().get().accessKey());
        }
        AccessRequest input = authentication
                .map(known -> new AccessRequest(authorizedAs, Optional.of(known.identity()),
                        Optional.of(known.swift()), known.ownOtherAccounts().orElse(access.serviceAccounts()),
                        request.getRemoteAddr(), request.isSecure()))
                .orElseGet(() -> new AccessRequest(authorizedAs, Optional.empty(), Optional.empty(),
                        access.serviceAccounts(), request.getRemoteAddr(), request.isSecure()));
        PipelineAttributes.ACCESS_IDENTITY.set(request, input.requester().userArn().orElse("anonymous"));
        Authorized authorized = access.authorizer().authorize(operation, input);
        PipelineAttributes.ACCESS_IDENTITY.set(request, authorized.logField());
        return authorized;
    }

    /** After a successful operation: forgets what it changed of the bucket's access state. */
    static void succeeded(HttpServletRequest request, S3Operation operation, String bucket) {
        SharedAccess.in(request.getServletContext()).authorizer().changed(operation, bucket);
        if (operation == S3Operation.PUT_BUCKET_LIFECYCLE_CONFIGURATION
                || operation == S3Operation.DELETE_BUCKET_LIFECYCLE) {
            // Forgotten again after the access state: a request in between may have cached the old state from it.
            SharedBucketRegistry.lifecyclesIn(request.getServletContext()).forget(bucket);
        }
    }
}
