package io.s3multi.s3.access.authorization;

import io.s3multi.s3.access.acl.Permission;
import io.s3multi.s3.request.S3Operation;
import io.s3multi.s3.request.S3Request;

/**
 * What each S3 operation asks for, in the terms authorization decides on: the IAM action a bucket policy names
 * ({@code s3:GetObject}; the {@code ...Version...} variant when the request names a {@code versionId}), the
 * resource ({@code arn:aws:s3:::<bucket>} or {@code arn:aws:s3:::<bucket>/<key>}), and the ACL permission that
 * grants it, with AWS's meaning (see "Access control list (ACL) overview", "Mapping of ACL permissions and access
 * policy permissions"):
 * <ul>
 *   <li>bucket READ: list the bucket (objects, versions, multipart uploads) and HEAD it;</li>
 *   <li>bucket WRITE: create, overwrite and delete objects in it, multipart uploads included;</li>
 *   <li>bucket READ_ACP / WRITE_ACP: read / write the bucket's ACL;</li>
 *   <li>object READ: read the object (GET, HEAD, attributes); object READ_ACP / WRITE_ACP: its ACL.</li>
 * </ul>
 * Everything else (the bucket's configuration, tagging, retention, creating and deleting buckets) no ACL grants:
 * the owner's account, or a bucket policy, may.
 */
public final class S3Actions {

    private static final String ARN_PREFIX = "arn:aws:s3:::";

    private S3Actions() {
    }

    /** What one request needs. */
    public static S3Action of(S3Operation operation, S3Request request) {
        boolean version = request.hasParam("versionId");
        return switch (operation) {
            case LIST_BUCKETS -> service("s3:ListAllMyBuckets");
            case CREATE_BUCKET -> bucket(request, "s3:CreateBucket", null);
            case DELETE_BUCKET -> bucket(request, "s3:DeleteBucket", null);
            case HEAD_BUCKET, LIST_OBJECTS, LIST_OBJECTS_V2 -> bucket(request, "s3:ListBucket", Permission.READ);
            case LIST_OBJECT_VERSIONS -> bucket(request, "s3:ListBucketVersions", Permission.READ);
            case LIST_MULTIPART_UPLOADS -> bucket(request, "s3:ListBucketMultipartUploads", Permission.READ);
            case GET_BUCKET_LOCATION -> bucket(request, "s3:GetBucketLocation", null);
            case GET_BUCKET_VERSIONING -> bucket(request, "s3:GetBucketVersioning", null);
            case PUT_BUCKET_VERSIONING -> bucket(request, "s3:PutBucketVersioning", null);
            case GET_BUCKET_ACL -> bucket(request, "s3:GetBucketAcl", Permission.READ_ACP);
            case PUT_BUCKET_ACL -> bucket(request, "s3:PutBucketAcl", Permission.WRITE_ACP);
            case GET_BUCKET_TAGGING -> bucket(request, "s3:GetBucketTagging", null);
            case PUT_BUCKET_TAGGING, DELETE_BUCKET_TAGGING -> bucket(request, "s3:PutBucketTagging", null);
            case GET_BUCKET_CORS -> bucket(request, "s3:GetBucketCORS", null);
            case PUT_BUCKET_CORS, DELETE_BUCKET_CORS -> bucket(request, "s3:PutBucketCORS", null);
            case GET_OBJECT_LOCK_CONFIGURATION -> bucket(request, "s3:GetBucketObjectLockConfiguration", null);
            case PUT_OBJECT_LOCK_CONFIGURATION -> bucket(request, "s3:PutBucketObjectLockConfiguration", null);
            case GET_BUCKET_LIFECYCLE_CONFIGURATION -> bucket(request, "s3:GetLifecycleConfiguration", null);
            case PUT_BUCKET_LIFECYCLE_CONFIGURATION, DELETE_BUCKET_LIFECYCLE ->
                    bucket(request, "s3:PutLifecycleConfiguration", null);
            case GET_BUCKET_POLICY -> bucket(request, "s3:GetBucketPolicy", null);
            case PUT_BUCKET_POLICY -> bucket(request, "s3:PutBucketPolicy", null);
            case DELETE_BUCKET_POLICY -> bucket(request, "s3:DeleteBucketPolicy", null);
            case GET_BUCKET_POLICY_STATUS -> bucket(request, "s3:GetBucketPolicyStatus", null);
            case GET_PUBLIC_ACCESS_BLOCK -> bucket(request, "s3:GetBucketPublicAccessBlock", null);
            case PUT_PUBLIC_ACCESS_BLOCK, DELETE_PUBLIC_ACCESS_BLOCK ->
                    bucket(request, "s3:PutBucketPublicAccessBlock", null);
            case GET_BUCKET_OWNERSHIP_CONTROLS -> bucket(request, "s3:GetBucketOwnershipControls", null);
            case PUT_BUCKET_OWNERSHIP_CONTROLS, DELETE_BUCKET_OWNERSHIP_CONTROLS ->
                    bucket(request, "s3:PutBucketOwnershipControls", null);
            // the request as a whole may touch the bucket's every key; each key of the body is then decided on its
            // own as a DeleteObject (deletion below), so a Deny on a prefix holds
            case DELETE_OBJECTS -> new S3Action("s3:DeleteObject", ARN_PREFIX + request.bucket() + "/*",
                    Permission.WRITE, null);
            case PUT_OBJECT, POST_OBJECT, COPY_OBJECT, CREATE_MULTIPART_UPLOAD, UPLOAD_PART, UPLOAD_PART_COPY,
                    COMPLETE_MULTIPART_UPLOAD -> write(request, "s3:PutObject");
            case ABORT_MULTIPART_UPLOAD -> write(request, "s3:AbortMultipartUpload");
            case LIST_PARTS -> write(request, "s3:ListMultipartUploadParts");
            case DELETE_OBJECT -> deletion(request.bucket(), request.key(), version);
            case GET_OBJECT, HEAD_OBJECT -> object(request, version ? "s3:GetObjectVersion" : "s3:GetObject",
                    Permission.READ);
            case GET_OBJECT_ATTRIBUTES -> object(request,
                    version ? "s3:GetObjectVersionAttributes" : "s3:GetObjectAttributes", Permission.READ);
            case GET_OBJECT_ACL -> object(request, version ? "s3:GetObjectVersionAcl" : "s3:GetObjectAcl",
                    Permission.READ_ACP);
            case PUT_OBJECT_ACL -> object(request, version ? "s3:PutObjectVersionAcl" : "s3:PutObjectAcl",
                    Permission.WRITE_ACP);
            case GET_OBJECT_TAGGING -> object(request,
                    version ? "s3:GetObjectVersionTagging" : "s3:GetObjectTagging", null);
            case PUT_OBJECT_TAGGING -> object(request,
                    version ? "s3:PutObjectVersionTagging" : "s3:PutObjectTagging", null);
            case DELETE_OBJECT_TAGGING -> object(request,
                    version ? "s3:DeleteObjectVersionTagging" : "s3:DeleteObjectTagging", null);
            case GET_OBJECT_RETENTION -> object(request, "s3:GetObjectRetention", null);
            case PUT_OBJECT_RETENTION -> object(request, "s3:PutObjectRetention", null);
            case GET_OBJECT_LEGAL_HOLD -> object(request, "s3:GetObjectLegalHold", null);
            case PUT_OBJECT_LEGAL_HOLD -> object(request, "s3:PutObjectLegalHold", null);
            case UNSUPPORTED -> request.isServiceRequest() ? service("s3:*") : bucket(request, "s3:*", null);
        };
    }

    /** Deleting one key (or one version of it), also as one key of a DeleteObjects body. */
    public static S3Action deletion(String bucket, String key, boolean version) {
        return new S3Action(version ? "s3:DeleteObjectVersion" : "s3:DeleteObject", ARN_PREFIX + bucket + "/" + key,
                Permission.WRITE, null);
    }

    private static S3Action service(String action) {
        return new S3Action(action, "*", null, null);
    }

    private static S3Action bucket(S3Request request, String action, Permission onBucket) {
        return new S3Action(action, ARN_PREFIX + request.bucket(), onBucket, null);
    }

    /** Creating, changing or removing an object: a grant on the bucket decides, as in AWS. */
    private static S3Action write(S3Request request, String action) {
        return new S3Action(action, objectArn(request), Permission.WRITE, null);
    }

    private static S3Action object(S3Request request, String action, Permission onObject) {
        return new S3Action(action, objectArn(request), null, onObject);
    }

    private static String objectArn(S3Request request) {
        return ARN_PREFIX + request.bucket() + "/" + (request.hasKey() ? request.key() : "");
    }

    /**
     * One request's needs.
     *
     * @param action           the IAM action
     * @param resourceArn      the bucket's or the object's ARN ({@code *} for the service)
     * @param bucketPermission the permission a grant of the bucket's ACL must give; null: no bucket grant does
     * @param objectPermission the permission a grant of the object's ACL must give; null: no object grant does
     */
    public record S3Action(String action, String resourceArn, Permission bucketPermission,
                           Permission objectPermission) {

        /** Whether any ACL grant can allow it (else only the owner's account or a policy can). */
        public boolean grantable() {
            return bucketPermission != null || objectPermission != null;
        }
    }
}
