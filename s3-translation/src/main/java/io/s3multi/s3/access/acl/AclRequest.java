package io.s3multi.s3.access.acl;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.swift.SwiftHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The ACL a request sets, read from its headers or body and admitted by the bucket's {@link AclWriteRules}: for the
 * object writes (PutObject, CopyObject, CreateMultipartUpload), CreateBucket and Put{Bucket,Object}Acl.
 *
 * <p>Owners: the writer owns what it writes (S3's {@code ObjectWriter}); its canonical id is its account's
 * ({@link S3Identity#ownerId()}). The bucket's owner is the account the call acts on
 * ({@link S3Call#bucketOwnerId()}). An empty {@code x-amz-acl} counts as absent, as on AWS.
 */
public final class AclRequest {

    private AclRequest() {
    }

    /** The requester as an ACL's owner or grantee. */
    public static Grantee.CanonicalUser requester(S3Call call) {
        return new Grantee.CanonicalUser(call.identity().ownerId(), call.identity().displayName());
    }

    /**
     * The owner of the call's bucket: the account the call acts on, which is the requester's own unless another
     * account's request was allowed there ({@code bucket-owner-full-control} must name that owner, not the writer).
     */
    public static Grantee.CanonicalUser bucketOwner(S3Call call) {
        return new Grantee.CanonicalUser(call.bucketOwnerId(), call.bucketOwnerName());
    }

    /** The ACL an object write's (or CreateBucket's) headers ask for, owned by the writer; empty for none. */
    public static Optional<AccessControlList> requested(S3Call call) {
        return RequestedAcl.fromHeaders(headers(call.request().head()), requester(call), bucketOwner(call));
    }

    /**
     * The reserved metadata that stores the ACL an object write asks for, once the bucket's rules admitted it;
     * none when it asks for none (the object then has its owner's full control).
     */
    public static SwiftHeaders objectHeaders(S3Call call, AclWriteRules rules) {
        return requested(call).flatMap(acl -> rules.admit(call.bucket(), acl, bucketOwner(call)))
                .map(ObjectAclMetadata::headers).orElseGet(SwiftHeaders::empty);
    }

    /**
     * The ACL a Put{Bucket,Object}Acl asks for: exactly one of an {@code AccessControlPolicy} body, {@code x-amz-acl}
     * or {@code x-amz-grant-*} ({@code UnexpectedContent} for a body beside headers, {@code MissingSecurityHeader}
     * for none, as AWS). A body must name the resource's owner ({@code AccessDenied} otherwise: an ACL cannot give
     * a resource away).
     *
     * @param owner the resource's owner
     */
    public static AccessControlList fromAclRequest(S3Call call, Grantee.CanonicalUser owner) {
        UnaryOperator<String> header = headers(call.request().head());
        Optional<AccessControlList> body = body(call);
        if (body.isPresent()) {
            if (RequestedAcl.present(header)) {
                throw S3Exception.unexpectedContent();
            }
            if (!body.get().owner().id().equals(owner.id())) {
                throw S3Exception.accessDenied().withReason("acl-owner");
            }
            return new AccessControlList(owner, body.get().grants());
        }
        return RequestedAcl.fromHeaders(header, owner, bucketOwner(call))
                .orElseThrow(() -> S3Exception.missingSecurityHeader("x-amz-acl"));
    }

    private static Optional<AccessControlList> body(S3Call call) {
        try (InputStream body = call.body().open(Set.of()).stream()) {
            return AclXml.read(body);
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    private static UnaryOperator<String> headers(RequestHead head) {
        return name -> {
            String value = head.header(name);
            return value == null || value.isBlank() ? null : value;
        };
    }
}
