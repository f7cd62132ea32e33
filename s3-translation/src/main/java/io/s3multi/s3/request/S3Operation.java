package io.s3multi.s3.request;

import java.util.Objects;

/**
 * The S3 operations the gateway recognises, named after the AWS API actions, plus {@link #UNSUPPORTED} for every
 * recognised S3 request that names a feature the gateway does not implement.
 *
 * <p>Logs, metrics and dispatch all use these names, so one operation is called the same everywhere:
 * {@code COMPLETE_MULTIPART_UPLOAD.apiName()} is {@code "CompleteMultipartUpload"}, as in the AWS documentation
 * and the SDKs. {@link S3OperationClassifier} decides which operation a request is.
 */
public enum S3Operation {

    // service
    LIST_BUCKETS("ListBuckets"),

    // bucket
    CREATE_BUCKET("CreateBucket"),
    DELETE_BUCKET("DeleteBucket"),
    HEAD_BUCKET("HeadBucket"),
    GET_BUCKET_LOCATION("GetBucketLocation"),
    LIST_OBJECTS("ListObjects"),
    LIST_OBJECTS_V2("ListObjectsV2"),
    LIST_OBJECT_VERSIONS("ListObjectVersions"),
    GET_BUCKET_VERSIONING("GetBucketVersioning"),
    PUT_BUCKET_VERSIONING("PutBucketVersioning"),
    GET_BUCKET_ACL("GetBucketAcl"),
    PUT_BUCKET_ACL("PutBucketAcl"),
    GET_BUCKET_TAGGING("GetBucketTagging"),
    PUT_BUCKET_TAGGING("PutBucketTagging"),
    DELETE_BUCKET_TAGGING("DeleteBucketTagging"),
    GET_BUCKET_CORS("GetBucketCors"),
    PUT_BUCKET_CORS("PutBucketCors"),
    DELETE_BUCKET_CORS("DeleteBucketCors"),
    GET_OBJECT_LOCK_CONFIGURATION("GetObjectLockConfiguration"),
    PUT_OBJECT_LOCK_CONFIGURATION("PutObjectLockConfiguration"),
    GET_BUCKET_LIFECYCLE_CONFIGURATION("GetBucketLifecycleConfiguration"),
    PUT_BUCKET_LIFECYCLE_CONFIGURATION("PutBucketLifecycleConfiguration"),
    DELETE_BUCKET_LIFECYCLE("DeleteBucketLifecycle"),
    GET_BUCKET_POLICY("GetBucketPolicy"),
    PUT_BUCKET_POLICY("PutBucketPolicy"),
    DELETE_BUCKET_POLICY("DeleteBucketPolicy"),
    GET_BUCKET_POLICY_STATUS("GetBucketPolicyStatus"),
    GET_PUBLIC_ACCESS_BLOCK("GetPublicAccessBlock"),
    PUT_PUBLIC_ACCESS_BLOCK("PutPublicAccessBlock"),
    DELETE_PUBLIC_ACCESS_BLOCK("DeletePublicAccessBlock"),
    GET_BUCKET_OWNERSHIP_CONTROLS("GetBucketOwnershipControls"),
    PUT_BUCKET_OWNERSHIP_CONTROLS("PutBucketOwnershipControls"),
    DELETE_BUCKET_OWNERSHIP_CONTROLS("DeleteBucketOwnershipControls"),
    DELETE_OBJECTS("DeleteObjects"),

    // object
    PUT_OBJECT("PutObject"),
    /** A browser form upload: {@code POST} on the bucket with {@code multipart/form-data}. */
    POST_OBJECT("PostObject"),
    COPY_OBJECT("CopyObject"),
    GET_OBJECT("GetObject"),
    HEAD_OBJECT("HeadObject"),
    GET_OBJECT_ATTRIBUTES("GetObjectAttributes"),
    DELETE_OBJECT("DeleteObject"),
    GET_OBJECT_ACL("GetObjectAcl"),
    PUT_OBJECT_ACL("PutObjectAcl"),
    GET_OBJECT_TAGGING("GetObjectTagging"),
    PUT_OBJECT_TAGGING("PutObjectTagging"),
    DELETE_OBJECT_TAGGING("DeleteObjectTagging"),
    GET_OBJECT_RETENTION("GetObjectRetention"),
    PUT_OBJECT_RETENTION("PutObjectRetention"),
    GET_OBJECT_LEGAL_HOLD("GetObjectLegalHold"),
    PUT_OBJECT_LEGAL_HOLD("PutObjectLegalHold"),

    // multipart upload
    CREATE_MULTIPART_UPLOAD("CreateMultipartUpload", Kind.MULTIPART),
    UPLOAD_PART("UploadPart", Kind.MULTIPART),
    UPLOAD_PART_COPY("UploadPartCopy", Kind.MULTIPART),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload", Kind.MULTIPART),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload", Kind.MULTIPART),
    LIST_PARTS("ListParts", Kind.MULTIPART),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads", Kind.MULTIPART),

    /**
     * An S3 feature the gateway does not implement (lifecycle, CORS, policies, POST uploads from browsers, ...):
     * answered with {@code NotImplemented}. {@link S3OperationClassifier#unsupportedSubresource(S3Request)} says
     * which sub-resource it was, when it was one.
     */
    UNSUPPORTED("Unsupported");

    /** Which stage's share of the API an operation is: multipart upload is the {@code s3multi} stage's. */
    private enum Kind {
        /** Served by the s3api stage. */
        PLAIN,
        /** Multipart upload, served by the s3multi stage. */
        MULTIPART
    }

    private final String apiName;
    private final Kind kind;

    S3Operation(String apiName) {
        this(apiName, Kind.PLAIN);
    }

    S3Operation(String apiName, Kind kind) {
        this.apiName = Objects.requireNonNull(apiName, "apiName");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The AWS API action name, e.g. {@code "ListObjectsV2"}. */
    public String apiName() {
        return apiName;
    }

    /** Whether the operation belongs to multipart upload (the {@code s3multi} stage's share of the API). */
    public boolean isMultipart() {
        return kind == Kind.MULTIPART;
    }
}
