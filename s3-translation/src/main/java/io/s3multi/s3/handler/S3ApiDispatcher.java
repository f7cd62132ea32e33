package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.bucket.AccessDocumentChanges;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.handler.bucket.RegistryAclRules;
import io.s3multi.s3.handler.object.ObjectLocks;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import io.s3multi.s3.operation.MissingBucket;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3Operation;
import java.util.Objects;

/**
 * Routes every S3 operation the s3api stage serves to the one handler method named after it.
 *
 * <p>The switch has no {@code default}: a new {@link S3Operation} does not compile until it is routed.
 * Multipart operations belong to the s3multi stage, which sits before s3api and answers them itself; one
 * that reaches this far means s3multi is not in the pipeline.
 */
public final class S3ApiDispatcher {

    private final ServiceHandler service;
    private final BucketHandler bucket;
    private final ObjectHandler object;
    private final MultiDeleteHandler multiDelete;
    private final PostObjectHandler post;

    /** A dispatcher without a bucket registry: bucket names may repeat across accounts. */
    public S3ApiDispatcher(S3ApiSettings settings) {
        this(settings, BucketRegistry.none());
    }

    /**
     * @param registry the bucket registry, usually {@code BucketRegistry.of(backend, settings)}, which makes bucket
     *                 names unique across accounts
     */
    public S3ApiDispatcher(S3ApiSettings settings, BucketRegistry registry) {
        this(settings, registry, LifecycleLookup.NONE);
    }

    /**
     * @param lifecycles the buckets' lifecycle configurations as the object answers' headers read them (kept
     *                   briefly), read from {@code registry}
     */
    public S3ApiDispatcher(S3ApiSettings settings, BucketRegistry registry, LifecycleLookup lifecycles) {
        this(settings, registry, lifecycles, AccessDocumentChanges.NONE);
    }

    /** @param accessChanges told when this gateway changes a bucket policy or public access block */
    public S3ApiDispatcher(S3ApiSettings settings, BucketRegistry registry, LifecycleLookup lifecycles,
                           AccessDocumentChanges accessChanges) {
        Objects.requireNonNull(settings, "settings");
        this.service = new ServiceHandler(settings);
        this.bucket = new BucketHandler(settings, registry, lifecycles, accessChanges);
        // Object operations know only the caller's account; the registry tells another owner's bucket apart.
        MissingBucket missingBucket = new RegistryMissingBucket(registry);
        this.object = new ObjectHandler(settings, missingBucket, lifecycles, RegistryAclRules.of(registry));
        this.multiDelete = new MultiDeleteHandler(settings, missingBucket);
        this.post = new PostObjectHandler(object);
    }

    public S3Response dispatch(S3Operation operation, S3Call call) {
        return switch (operation) {
            case LIST_BUCKETS -> service.listBuckets(call);
            case CREATE_BUCKET -> bucket.createBucket(call);
            case DELETE_BUCKET -> bucket.deleteBucket(call);
            case HEAD_BUCKET -> bucket.headBucket(call);
            case GET_BUCKET_LOCATION -> bucket.getBucketLocation(call);
            case LIST_OBJECTS -> bucket.listObjects(call);
            case LIST_OBJECTS_V2 -> bucket.listObjectsV2(call);
            case LIST_OBJECT_VERSIONS -> bucket.listObjectVersions(call);
            case GET_BUCKET_VERSIONING -> bucket.getBucketVersioning(call);
            case PUT_BUCKET_VERSIONING -> bucket.putBucketVersioning(call);
            case GET_BUCKET_ACL -> bucket.getBucketAcl(call);
            case PUT_BUCKET_ACL -> bucket.putBucketAcl(call);
            case GET_BUCKET_TAGGING -> bucket.getBucketTagging(call);
            case PUT_BUCKET_TAGGING -> bucket.putBucketTagging(call);
            case DELETE_BUCKET_TAGGING -> bucket.deleteBucketTagging(call);
            case GET_BUCKET_CORS -> bucket.getBucketCors(call);
            case PUT_BUCKET_CORS -> bucket.putBucketCors(call);
            case DELETE_BUCKET_CORS -> bucket.deleteBucketCors(call);
            case GET_OBJECT_LOCK_CONFIGURATION -> bucket.getObjectLockConfiguration(call);
            case PUT_OBJECT_LOCK_CONFIGURATION -> bucket.putObjectLockConfiguration(call);
            case GET_BUCKET_LIFECYCLE_CONFIGURATION -> bucket.getBucketLifecycleConfiguration(call);
            case PUT_BUCKET_LIFECYCLE_CONFIGURATION -> bucket.putBucketLifecycleConfiguration(call);
            case DELETE_BUCKET_LIFECYCLE -> bucket.deleteBucketLifecycle(call);
            case GET_BUCKET_POLICY -> bucket.getBucketPolicy(call);
            case PUT_BUCKET_POLICY -> bucket.putBucketPolicy(call);
            case DELETE_BUCKET_POLICY -> bucket.deleteBucketPolicy(call);
            case GET_BUCKET_POLICY_STATUS -> bucket.getBucketPolicyStatus(call);
            case GET_PUBLIC_ACCESS_BLOCK -> bucket.getPublicAccessBlock(call);
            case PUT_PUBLIC_ACCESS_BLOCK -> bucket.putPublicAccessBlock(call);
            case DELETE_PUBLIC_ACCESS_BLOCK -> bucket.deletePublicAccessBlock(call);
            case GET_BUCKET_OWNERSHIP_CONTROLS -> bucket.getBucketOwnershipControls(call);
            case PUT_BUCKET_OWNERSHIP_CONTROLS -> bucket.putBucketOwnershipControls(call);
            case DELETE_BUCKET_OWNERSHIP_CONTROLS -> bucket.deleteBucketOwnershipControls(call);
            case DELETE_OBJECTS -> multiDelete.deleteObjects(call);
            case PUT_OBJECT -> object.putObject(call);
            case POST_OBJECT -> post.postObject(call);
            case COPY_OBJECT -> object.copyObject(call);
            case GET_OBJECT -> object.getObject(call);
            case HEAD_OBJECT -> object.headObject(call);
            case GET_OBJECT_ATTRIBUTES -> object.getObjectAttributes(call);
            case DELETE_OBJECT -> object.deleteObject(call);
            case GET_OBJECT_ACL -> object.getObjectAcl(call);
            case PUT_OBJECT_ACL -> object.putObjectAcl(call);
            case GET_OBJECT_TAGGING -> object.getObjectTagging(call);
            case PUT_OBJECT_TAGGING -> object.putObjectTagging(call);
            case DELETE_OBJECT_TAGGING -> object.deleteObjectTagging(call);
            case GET_OBJECT_RETENTION -> object.objectLock(call, ObjectLocks::getRetention);
            case PUT_OBJECT_RETENTION -> object.objectLock(call, ObjectLocks::putRetention);
            case GET_OBJECT_LEGAL_HOLD -> object.objectLock(call, ObjectLocks::getLegalHold);
            case PUT_OBJECT_LEGAL_HOLD -> object.objectLock(call, ObjectLocks::putLegalHold);
            case CREATE_MULTIPART_UPLOAD, UPLOAD_PART, UPLOAD_PART_COPY, COMPLETE_MULTIPART_UPLOAD,
                    ABORT_MULTIPART_UPLOAD, LIST_PARTS, LIST_MULTIPART_UPLOADS ->
                    throw S3Exception.notImplemented(operation.apiName() + " needs the s3multi stage in the pipeline");
            case UNSUPPORTED -> throw S3Exception.notImplemented("this operation is not supported");
        };
    }
}
