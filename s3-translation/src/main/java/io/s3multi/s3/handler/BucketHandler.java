package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.access.acl.AclWriteRules;
import io.s3multi.s3.handler.bucket.AccessDocumentChanges;
import io.s3multi.s3.handler.bucket.BucketAcls;
import io.s3multi.s3.handler.bucket.BucketCors;
import io.s3multi.s3.handler.bucket.BucketCreation;
import io.s3multi.s3.handler.bucket.BucketLifecycle;
import io.s3multi.s3.handler.bucket.BucketListings;
import io.s3multi.s3.handler.bucket.BucketObjectLock;
import io.s3multi.s3.handler.bucket.BucketOwnershipControls;
import io.s3multi.s3.handler.bucket.BucketPolicies;
import io.s3multi.s3.handler.bucket.BucketPresence;
import io.s3multi.s3.handler.bucket.BucketPublicAccessBlock;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.handler.bucket.BucketRemoval;
import io.s3multi.s3.handler.bucket.RegistryAclRules;
import io.s3multi.s3.handler.bucket.BucketVersioningConfig;
import io.s3multi.s3.handler.bucket.BucketTagging;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.xml.documents.LocationConstraint;
import java.util.Objects;

/**
 * Bucket operations on the container that is the bucket: create, delete, head, location, listings, versioning
 * ({@link BucketVersioningConfig}: the container's own object versioning), ACL, tagging.
 *
 * <p>Bucket {@code b} is container {@code b} of the caller's Swift account. Creation and deletion keep the
 * {@link BucketRegistry} in step, which makes names unique across accounts; an operation on a bucket missing
 * from the caller's account answers {@code AccessDenied} when another account owns the name, else
 * {@code NoSuchBucket} ({@link BucketPresence}).
 *
 * <p>The bucket's ACL and OwnershipControls live with its registry record ({@link BucketAcls},
 * {@link BucketOwnershipControls}). Bucket tags are stored as reserved container metadata ({@link BucketTagging}).
 * CORS and lifecycle configurations, the bucket policy and the public access block live with the bucket's registry
 * record ({@link BucketCors}, {@link BucketLifecycle}, {@link BucketPolicies}, {@link BucketPublicAccessBlock}); the
 * Object Lock configuration on the container ({@link BucketObjectLock}).
 */
public final class BucketHandler {

    private static final String US_EAST_1 = "us-east-1";

    private final S3ApiSettings settings;
    private final BucketPresence presence;
    private final BucketCreation creation;
    private final BucketRemoval removal;
    private final BucketListings listings;
    private final BucketVersioningConfig versioning;
    private final BucketTagging tagging;
    private final BucketCors cors;
    private final BucketObjectLock objectLock;
    private final BucketLifecycle lifecycle;
    private final BucketAcls acls;
    private final BucketOwnershipControls ownership;
    private final BucketPolicies policies;
    private final BucketPublicAccessBlock publicAccessBlock;

    public BucketHandler(S3ApiSettings settings, BucketRegistry registry) {
        this(settings, registry, LifecycleLookup.NONE);
    }

    /** @param lifecycles the cache of lifecycle configurations that object answers read, told of changes */
    public BucketHandler(S3ApiSettings settings, BucketRegistry registry, LifecycleLookup lifecycles) {
        this(settings, registry, lifecycles, AccessDocumentChanges.NONE);
    }

    /** @param accessChanges told when a bucket policy or public access block changes */
    public BucketHandler(S3ApiSettings settings, BucketRegistry registry, LifecycleLookup lifecycles,
                         AccessDocumentChanges accessChanges) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        this.presence = new BucketPresence(registry);
        AclWriteRules aclRules = RegistryAclRules.of(registry);
        this.acls = new BucketAcls(registry, presence, aclRules);
        this.ownership = new BucketOwnershipControls(registry, presence);
        this.creation = new BucketCreation(settings, registry, acls, ownership);
        this.removal = new BucketRemoval(registry, presence);
        this.listings = new BucketListings(settings, presence);
        this.objectLock = new BucketObjectLock(presence);
        this.versioning = new BucketVersioningConfig(presence);
        this.tagging = new BucketTagging(presence);
        this.cors = BucketCors.of(registry, presence);
        this.lifecycle = new BucketLifecycle(registry, presence, lifecycles);
        this.policies = new BucketPolicies(registry, presence, accessChanges);
        this.publicAccessBlock = new BucketPublicAccessBlock(registry, presence, accessChanges);
    }

    public S3Response createBucket(S3Call call) {
        return creation.createBucket(call);
    }

    public S3Response deleteBucket(S3Call call) {
        return removal.deleteBucket(call);
    }

    /** 200 with the bucket's region (as AWS sends it, SDKs read it); errors carry no body on HEAD. */
    public S3Response headBucket(S3Call call) {
        presence.require(call);
        return S3Response.status(200).withHeader("x-amz-bucket-region", settings.location());
    }

    /** The configured location; AWS writes us-east-1 as an empty element. */
    public S3Response getBucketLocation(S3Call call) {
        presence.require(call);
        return S3Response.xml(US_EAST_1.equals(settings.location())
                ? LocationConstraint.usEast1() : new LocationConstraint(settings.location()));
    }

    public S3Response listObjects(S3Call call) {
        return listings.listObjects(call);
    }

    public S3Response listObjectsV2(S3Call call) {
        return listings.listObjectsV2(call);
    }

    public S3Response listObjectVersions(S3Call call) {
        return listings.listObjectVersions(call);
    }

    public S3Response getBucketVersioning(S3Call call) {
        return versioning.get(call);
    }

    public S3Response putBucketVersioning(S3Call call) {
        return versioning.put(call);
    }

    public S3Response getObjectLockConfiguration(S3Call call) {
        return objectLock.get(call);
    }

    public S3Response putObjectLockConfiguration(S3Call call) {
        return objectLock.put(call);
    }

    public S3Response getBucketAcl(S3Call call) {
        return acls.getBucketAcl(call);
    }

    public S3Response putBucketAcl(S3Call call) {
        return acls.putBucketAcl(call);
    }

    public S3Response getBucketOwnershipControls(S3Call call) {
        return ownership.get(call);
    }

    public S3Response putBucketOwnershipControls(S3Call call) {
        return ownership.put(call);
    }

    public S3Response deleteBucketOwnershipControls(S3Call call) {
        return ownership.delete(call);
    }

    public S3Response getBucketTagging(S3Call call) {
        return tagging.get(call);
    }

    public S3Response putBucketTagging(S3Call call) {
        return tagging.put(call);
    }

    public S3Response deleteBucketTagging(S3Call call) {
        return tagging.delete(call);
    }

    public S3Response getBucketCors(S3Call call) {
        return cors.getBucketCors(call);
    }

    public S3Response putBucketCors(S3Call call) {
        return cors.putBucketCors(call);
    }

    public S3Response deleteBucketCors(S3Call call) {
        return cors.deleteBucketCors(call);
    }

    public S3Response getBucketLifecycleConfiguration(S3Call call) {
        return lifecycle.get(call);
    }

    public S3Response putBucketLifecycleConfiguration(S3Call call) {
        return lifecycle.put(call);
    }

    public S3Response deleteBucketLifecycle(S3Call call) {
        return lifecycle.delete(call);
    }

    public S3Response getBucketPolicy(S3Call call) {
        return policies.get(call);
    }

    public S3Response putBucketPolicy(S3Call call) {
        return policies.put(call);
    }

    public S3Response deleteBucketPolicy(S3Call call) {
        return policies.delete(call);
    }

    public S3Response getBucketPolicyStatus(S3Call call) {
        return policies.status(call);
    }

    public S3Response getPublicAccessBlock(S3Call call) {
        return publicAccessBlock.get(call);
    }

    public S3Response putPublicAccessBlock(S3Call call) {
        return publicAccessBlock.put(call);
    }

    public S3Response deletePublicAccessBlock(S3Call call) {
        return publicAccessBlock.delete(call);
    }
}
