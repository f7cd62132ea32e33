package io.s3multi.s3.access.authorization;

import io.s3multi.s3.access.Requester;
import io.s3multi.s3.access.acl.AccessControlList;
import io.s3multi.s3.access.acl.AclEvaluation;
import io.s3multi.s3.access.acl.Grantee;
import io.s3multi.s3.access.acl.ObjectAclMetadata;
import io.s3multi.s3.access.acl.ObjectOwnership;
import io.s3multi.s3.access.acl.Permission;
import io.s3multi.s3.access.authorization.S3Actions.S3Action;
import io.s3multi.s3.access.policy.PolicyRequest;
import io.s3multi.s3.access.policy.PolicyVerdict;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.request.S3Operation;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway as the S3 authority: decides every S3 request after authentication, with AWS's evaluation order, and
 * says which Swift identity the allowed request acts with.
 *
 * <ol>
 *   <li>An explicit {@code Deny} of the bucket policy wins, even over the owner's own users; only the owner
 *       account's administrator can still Get/Put/DeleteBucketPolicy (as AWS's root user can).</li>
 *   <li>A request inside the requester's own account is allowed and acts with the requester's own Swift session, so
 *       Swift stays a second line of defence. A bucket without a registry record is its own account's only.</li>
 *   <li>Otherwise a policy {@code Allow} or an ACL grant allows it: the bucket's ACL for bucket operations and for
 *       writing objects (WRITE), the object's ACL (read from its Swift metadata with the service identity) for
 *       reading an object or its ACL. It then acts on the owner's account with the service identity.</li>
 *   <li>Everything else is {@code AccessDenied}.</li>
 * </ol>
 * The public access block bends the inputs: {@code IgnorePublicAcls} drops grants to AllUsers and
 * AuthenticatedUsers, {@code RestrictPublicBuckets} lets a public policy allow only the owner's account. With
 * {@code BucketOwnerEnforced} ownership no ACL grants anything. Without a service identity no request leaves its own
 * account.
 *
 * <p>The bucket's state comes from a {@link BucketAccessCache}: with a warm cache an own-account request costs no Swift
 * request at all; another account's request for an object costs one HEAD of the object when no policy decides it.
 */
public final class Authorizer {

    private static final Set<S3Operation> POLICY_OPERATIONS = Set.of(S3Operation.GET_BUCKET_POLICY,
            S3Operation.PUT_BUCKET_POLICY, S3Operation.DELETE_BUCKET_POLICY);
    /** Operations after which this gateway's cached state of the bucket is stale. */
    private static final Set<S3Operation> CHANGING_ACCESS = Set.of(S3Operation.CREATE_BUCKET,
            S3Operation.DELETE_BUCKET, S3Operation.PUT_BUCKET_ACL, S3Operation.PUT_BUCKET_POLICY,
            S3Operation.DELETE_BUCKET_POLICY, S3Operation.PUT_PUBLIC_ACCESS_BLOCK,
            S3Operation.DELETE_PUBLIC_ACCESS_BLOCK, S3Operation.PUT_BUCKET_OWNERSHIP_CONTROLS,
            S3Operation.DELETE_BUCKET_OWNERSHIP_CONTROLS,
            // not access, but the record's list of documents, which tells the lifecycle headers whether to read one
            S3Operation.PUT_BUCKET_LIFECYCLE_CONFIGURATION, S3Operation.DELETE_BUCKET_LIFECYCLE);

    private static final Set<S3Operation> COPIES = Set.of(S3Operation.COPY_OBJECT, S3Operation.UPLOAD_PART_COPY);

    /** The display name and canonical id an anonymous request acts as. */
    public static final String ANONYMOUS = "anonymous";

    private final BucketAccessLookup buckets;
    private final boolean serviceIdentity;
    private final LongAdder objectAclReads = new LongAdder();

    /**
     * @param buckets         the buckets' access state
     * @param serviceIdentity whether the gateway has a service identity to act on other accounts with; without one
     *                        anonymous and cross-account requests are all denied
     */
    public Authorizer(BucketAccessLookup buckets, boolean serviceIdentity) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.serviceIdentity = serviceIdentity;
    }

    /** Only each account's own buckets, for everybody known; nobody else (no registry, no service identity). */
    public static Authorizer ownAccountsOnly() {
        return new Authorizer(new BucketAccessCache(AccessDocuments.NONE, java.time.Duration.ZERO,
                java.time.Clock.systemUTC()), false);
    }

    /**
     * Decides {@code operation} for {@code input}.
     *
     * @return how the allowed request acts on Swift
     * @throws S3Exception {@code AccessDenied} when it is not allowed
     */
    public Authorized authorize(S3Operation operation, AccessRequest input) {
        Optional<S3Identity> identity = input.identity();
        String bucket = input.request().bucket();
        if (bucket == null || operation == S3Operation.CREATE_BUCKET) {
            return own(input, identity.orElseThrow(() -> denied("anonymous")));
        }
        BucketAccess access = read(bucket, input.request());
        if (access.owner().isEmpty()) {
            return own(input, identity.orElseThrow(() -> denied("anonymous")));
        }
        String owner = access.owner().get();
        boolean service = viaServiceIdentity(operation, S3Actions.of(operation, input.request()), input, access);
        Authorized authorized = service ? asOwnerAccount(input, owner) : own(input, identity.orElseThrow());
        if (operation != S3Operation.DELETE_OBJECTS) {
            return authorized;
        }
        // each key of the body is a DeleteObject of its own, decided on the bucket state read above
        return authorized.deciding((key, versionId) -> allows(S3Operation.DELETE_OBJECT,
                S3Actions.deletion(bucket, key, versionId != null), input, access));
    }

    /** Whether the evaluation allows it at all (with the Swift identity the request already acts with). */
    private boolean allows(S3Operation operation, S3Action action, AccessRequest input, BucketAccess access) {
        try {
            viaServiceIdentity(operation, action, input, access);
            return true;
        } catch (S3Exception refused) {
            return false;
        }
    }

    /**
     * AWS's evaluation order over a bucket with a known owner.
     *
     * @return whether the allowed request acts with the service identity (else with the requester's own)
     * @throws S3Exception {@code AccessDenied}
     */
    private boolean viaServiceIdentity(S3Operation operation, S3Action action, AccessRequest input,
            BucketAccess access) {
        Optional<S3Identity> identity = input.identity();
        String owner = access.owner().orElseThrow();
        boolean ownAccount = identity.filter(known -> known.swiftAccount().equals(owner)).isPresent();
        PolicyVerdict verdict = policyVerdict(access, action, input, ownAccount);
        if (verdict == PolicyVerdict.DENY) {
            if (ownAccount && identity.get().accountAdmin() && POLICY_OPERATIONS.contains(operation)) {
                return false;
            }
            throw denied("policy-deny");
        }
        if (ownAccount) {
            return false;
        }
        if (!serviceIdentity) {
            throw denied("no-service-identity");
        }
        if (verdict == PolicyVerdict.ALLOW || grants(access, owner, action, input)) {
            if (COPIES.contains(operation)) {
                authorizeCopySource(input, owner);
            }
            return true;
        }
        throw denied(identity.isPresent() ? "other-account" : "anonymous");
    }

    /**
     * A copy another account may write acts in the owner's account with the service identity, which could read
     * every object there: the source must be one the requester may read, in the same account (Swift copies within
     * one account).
     */
    private void authorizeCopySource(AccessRequest input, String owner) {
        String header = input.request().header("x-amz-copy-source");
        if (header == null) {
            return;   // the handler refuses it
        }
        S3Request read;
        try {
            read = sourceOf(header);
        } catch (S3Exception unreadable) {
            return;   // the handler refuses it, with the error AWS gives for it
        }
        if (!read.hasKey()) {
            return;   // the same
        }
        Authorized reading = authorize(S3Operation.GET_OBJECT, input.about(read));
        if (!reading.service() || !reading.identity().swiftAccount().equals(owner)) {
            throw denied("copy-source");
        }
    }

    /** Forgets the cached state of the request's bucket after an operation that changed it succeeded. */
    public void changed(S3Operation operation, String bucket) {
        if (bucket != null && CHANGING_ACCESS.contains(operation)) {
            buckets.forget(bucket);
        }
    }

    /** The Swift requests authorization has cost so far: registry reads and objects' ACL reads. */
    public long swiftRequests() {
        return buckets.swiftRequests() + objectAclReads.sum();
    }

    /** The bucket's access state; a Swift failure reading it is the S3 error it means (Swift down: 503). */
    private BucketAccess read(String bucket, S3Request request) {
        try {
            return buckets.get(bucket);
        } catch (SwiftException e) {
            throw S3Failures.toS3(e, request);
        }
    }

    private static PolicyVerdict policyVerdict(BucketAccess access, S3Action action, AccessRequest input,
            boolean ownAccount) {
        if (access.policy().isEmpty()) {
            return PolicyVerdict.NONE;
        }
        PolicyVerdict verdict = access.policy().get().evaluate(new PolicyRequest(action.action(),
                action.resourceArn(), input.requester(), ConditionKeys.of(input)));
        if (verdict == PolicyVerdict.ALLOW && !ownAccount && access.publicAccessBlock().restrictPublicBuckets()
                && access.policy().get().isPublic()) {
            return PolicyVerdict.NONE;   // a public policy lets only the owner's account in
        }
        return verdict;
    }

    private boolean grants(BucketAccess access, String owner, S3Action action, AccessRequest input) {
        if (access.ownership() == ObjectOwnership.BUCKET_OWNER_ENFORCED || !action.grantable()) {
            return false;
        }
        boolean ignorePublic = access.publicAccessBlock().ignorePublicAcls();
        if (action.bucketPermission() != null) {
            return permits(access.effectiveAcl(owner), input.requester(), action.bucketPermission(), ignorePublic);
        }
        return permits(objectAcl(input, owner), input.requester(), action.objectPermission(), ignorePublic);
    }

    private static boolean permits(AccessControlList acl, Requester requester, Permission permission,
            boolean ignorePublic) {
        AccessControlList counted = ignorePublic ? withoutPublicGrants(acl) : acl;
        return AclEvaluation.permits(counted, requester, permission);
    }

    private static AccessControlList withoutPublicGrants(AccessControlList acl) {
        return new AccessControlList(acl.owner(), acl.grants().stream()
                .filter(grant -> !(grant.grantee() instanceof Grantee.Group group)
                        || !(group.equals(Grantee.Group.ALL_USERS) || group.equals(Grantee.Group.AUTHENTICATED_USERS)))
                .toList());
    }

    /** The object's ACL from its Swift metadata, read with the service identity; a missing object has none. */
    private AccessControlList objectAcl(AccessRequest input, String owner) {
        var request = input.request();
        objectAclReads.increment();
        SwiftAccount account = input.otherAccounts().reach(owner);
        Optional<String> version = request.param("versionId").filter(id -> !"null".equals(id));
        try {
            Optional<SwiftReply> head = S3Failures.unlessNotFound(() -> version.isPresent()
                    ? account.objects().headVersion(request.bucket(), request.key(), version.get(),
                    SwiftHeaders.empty())
                    : account.objects().head(request.bucket(), request.key(), SwiftHeaders.empty()));
            return head.flatMap(reply -> ObjectAclMetadata.read(headers(reply.headers())))
                    .orElseGet(() -> AccessControlList.ownerFullControl(new Grantee.CanonicalUser(owner, owner)));
        } catch (SwiftException e) {
            throw S3Failures.toS3(e, request);
        }
    }

    /** {@code x-amz-copy-source} ({@code [/]bucket/key[?versionId=v]}, URL-encoded) as the GET it reads with. */
    private static S3Request sourceOf(String header) {
        String source = header.startsWith("/") ? header : "/" + header;
        int query = source.indexOf('?');
        return new S3RequestParser().parse(new RequestHead("GET", query < 0 ? source : source.substring(0, query),
                query < 0 ? null : source.substring(query + 1), Map.of()));
    }

    private static Map<String, String> headers(SwiftHeaders headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.fields().forEach(field -> map.putIfAbsent(field.getKey(), field.getValue()));
        return map;
    }

    private static Authorized own(AccessRequest input, S3Identity identity) {
        return new Authorized(identity, input.ownSwift().orElseThrow(), principalOf(input.requester()), false);
    }

    private static Authorized asOwnerAccount(AccessRequest input, String owner) {
        S3Identity acting = input.identity()
                .map(known -> new S3Identity(known.accessKey(), known.displayName(), known.ownerId(), owner, false))
                .orElseGet(() -> new S3Identity("", ANONYMOUS, ANONYMOUS, owner, false));
        return new Authorized(acting, input.otherAccounts().reach(owner), principalOf(input.requester()), true);
    }

    private static String principalOf(Requester requester) {
        return requester.userArn().orElse(ANONYMOUS);
    }

    private static S3Exception denied(String reason) {
        return S3Exception.accessDenied().withReason(reason);
    }
}
