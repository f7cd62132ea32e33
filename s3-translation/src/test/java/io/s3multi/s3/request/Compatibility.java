package io.s3multi.s3.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of {@code docs/COMPATIBILITY.md}: for every S3 operation, whether the gateway supports it, what is
 * missing, and what AWS does. The one place to edit when an operation changes; {@link CompatibilityReferenceTest}
 * writes the page from it and fails when the page, the {@link S3Operation} enum or the unsupported sub-resources of
 * {@link S3OperationClassifier} disagree with it.
 *
 * <ul>
 *   <li>{@link #of(S3Operation)}: one row per operation the gateway recognises. The switch has no {@code default},
 *       so a new {@link S3Operation} does not compile until it has its row.</li>
 *   <li>{@link #UNSUPPORTED}: the AWS operations answered {@code NotImplemented}, by the sub-resource (or request
 *       form) that names them; its keys must be exactly {@link S3OperationClassifier#UNSUPPORTED_SUBRESOURCES}
 *       plus {@link #UNSUPPORTED_FORMS}.</li>
 * </ul>
 */
final class Compatibility {

    /** How far the gateway implements an operation. */
    enum Support {
        SUPPORTED("supported"), PARTIAL("partial"), NOT_SUPPORTED("not supported");

        final String label;

        Support(String label) {
            this.label = label;
        }
    }

    /**
     * One operation's row.
     *
     * @param support how far the gateway implements it
     * @param gateway what the gateway does, and for a partial one what is missing
     * @param aws     what AWS does (where it differs or where it helps to know)
     */
    record Row(Support support, String gateway, String aws) {
    }

    /**
     * AWS operations the gateway does not implement.
     *
     * @param operations the AWS API names
     * @param aws        what AWS does with them
     */
    record Unsupported(List<String> operations, String aws) {
    }

    /** Request forms answered {@code NotImplemented} that no sub-resource names. */
    static final List<String> UNSUPPORTED_FORMS = List.of("OPTIONS");

    private Compatibility() {
    }

    static Row of(S3Operation operation) {
        return switch (operation) {
            case LIST_BUCKETS -> supported("Every bucket of the account, or a page: `max-buckets` (1 to 10,000),"
                    + " `prefix`, `continuation-token`. `bucket-region` is not read.",
                    "Paginated the same way; `bucket-region` filters by region.");
            case CREATE_BUCKET -> partial("A container in the caller's account, the name unique across accounts;"
                    + " `LocationConstraint` must be the configured location;"
                    + " `x-amz-bucket-object-lock-enabled` (turns versioning on); canned ACLs (`x-amz-acl`) and"
                    + " `x-amz-grant-*` (`id=`, `uri=`; `emailAddress=`: `UnresolvableGrantByEmailAddress`),"
                    + " `x-amz-object-ownership`; ACLs and ownership need the bucket registry.",
                    "Same, and grants by e-mail address in some regions; ACLs off by default since 2023.");
            case DELETE_BUCKET -> supported("`BucketNotEmpty` while objects remain.", "Same.");
            case HEAD_BUCKET -> supported("With `x-amz-bucket-region`.", "Same.");
            case GET_BUCKET_LOCATION -> supported("The configured location (empty for `us-east-1`).", "Same.");
            case LIST_OBJECTS -> supported("`marker`, `prefix`, `delimiter`, `max-keys`, `encoding-type`.",
                    "Same.");
            case LIST_OBJECTS_V2 -> supported("`continuation-token` (an empty one counts as none), `start-after`,"
                    + " `fetch-owner`, `prefix`, `delimiter`, `max-keys`, `encoding-type`.", "Same.");
            case LIST_OBJECT_VERSIONS -> supported("Every version and delete marker Swift's object versioning keeps,"
                    + " newest first within a key, `IsLatest` on each key's newest entry: `prefix`, `delimiter`,"
                    + " `key-marker`, `version-id-marker`, `max-keys`, `encoding-type`; one Swift listing per page."
                    + " A never-versioned bucket lists every key once as version `null`.",
                    "Same; an object written while versioning was off keeps the id `null` (Swift gives it its"
                    + " timestamp as id once a newer version is written).");
            case GET_BUCKET_VERSIONING -> supported("`Enabled`, `Suspended`, or no `Status` for a bucket never"
                    + " versioned (Swift's object versioning, docs/VERSIONING.md).", "Same, with `MfaDelete`.");
            case PUT_BUCKET_VERSIONING -> partial("`Enabled` and `Suspended` on Swift's object versioning; version"
                    + " ids are Swift's timestamps; MFA delete refused.", "Also MFA delete.");
            case GET_BUCKET_ACL -> supported("The stored ACL (registry object `acl`), else the owner with"
                    + " `FULL_CONTROL`.", "Same.");
            case PUT_BUCKET_ACL -> partial("Exactly one of an `AccessControlPolicy` body, `x-amz-acl` or"
                    + " `x-amz-grant-*`, with AWS's errors; `BucketOwnerEnforced` and `BlockPublicAcls` refuse as AWS."
                    + " Grants by e-mail address: `UnresolvableGrantByEmailAddress`. Needs the bucket registry.",
                    "Also grants by e-mail address in some regions.");
            case GET_BUCKET_TAGGING, PUT_BUCKET_TAGGING, DELETE_BUCKET_TAGGING -> supported("Up to 50 tags, AWS's"
                    + " rules and errors, kept in the container's metadata; an untagged bucket is `NoSuchTagSet`."
                    + " A tag set that does not fit Swift's 4 KB of container metadata: `InvalidTag`.",
                    "Up to 50 tags per bucket.");
            case GET_BUCKET_CORS, PUT_BUCKET_CORS, DELETE_BUCKET_CORS -> supported("Up to 100 rules per bucket"
                    + " (`AllowedOrigin` with one `*`, `AllowedMethod`, `AllowedHeader`, `ExposeHeader`,"
                    + " `MaxAgeSeconds`, `ID`), applied by the `cors` stage; a gateway-wide default rule set in the"
                    + " configuration.", "Same, without the default rule set.");
            case GET_OBJECT_LOCK_CONFIGURATION, PUT_OBJECT_LOCK_CONFIGURATION -> supported("`ObjectLockEnabled`"
                    + " and a default retention (`GOVERNANCE`/`COMPLIANCE`, `Days` or `Years`) on the container;"
                    + " enabling on an existing bucket needs versioning `Enabled` (`InvalidBucketState`); a bucket"
                    + " without: `ObjectLockConfigurationNotFoundError` (docs/OBJECT-LOCK.md).", "Same.");
            case GET_OBJECT_RETENTION, PUT_OBJECT_RETENTION, GET_OBJECT_LEGAL_HOLD, PUT_OBJECT_LEGAL_HOLD ->
                    partial("Stored on the version (a Swift metadata POST, `Last-Modified` moves); only the"
                            + " current version can be changed; shortening `GOVERNANCE` needs"
                            + " `x-amz-bypass-governance-retention` and an account administrator, `COMPLIANCE`"
                            + " only extends; a past date `InvalidArgument`; a bucket without lock `InvalidRequest`.",
                            "Any version; bypass by IAM permission.");
            case GET_BUCKET_LIFECYCLE_CONFIGURATION, DELETE_BUCKET_LIFECYCLE -> supported("The configuration as"
                    + " stored; none: `NoSuchLifecycleConfiguration`.", "Same.");
            case PUT_BUCKET_LIFECYCLE_CONFIGURATION -> partial("Up to 1,000 rules: `Filter` (`Prefix`, `Tag`, `And`,"
                    + " `ObjectSizeGreaterThan`/`LessThan`) or the older rule-level `Prefix` (PutBucketLifecycle),"
                    + " `Expiration` (`Days`, `Date`, `ExpiredObjectDeleteMarker`), `NoncurrentVersionExpiration`"
                    + " (`NoncurrentDays`, `NewerNoncurrentVersions`), `AbortIncompleteMultipartUpload`, validated with"
                    + " AWS's errors; run by the gateway's background worker; `x-amz-expiration` and"
                    + " `x-amz-abort-date` headers (rules with tag filters are not shown in them). Transitions:"
                    + " `InvalidStorageClass` (one storage class).", "Also transitions between storage classes.");
            case PUT_BUCKET_POLICY -> partial("Validated (`MalformedPolicy` naming the problem) and stored as sent, up"
                    + " to 20 KB: `Principal`/`NotPrincipal` (`*`, accounts as Swift accounts, users), `Action`/"
                    + "`NotAction` and `Resource`/`NotResource` with wildcards and policy variables, `Condition` with"
                    + " IAM's operators; a public policy under `BlockPublicPolicy` is `AccessDenied`"
                    + " (docs/ACCESS.md).", "Also roles, services and IAM-verified principals.");
            case GET_BUCKET_POLICY, DELETE_BUCKET_POLICY -> supported("The policy as sent; none:"
                    + " `NoSuchBucketPolicy`.", "Same.");
            case GET_BUCKET_POLICY_STATUS -> supported("`IsPublic` by AWS's rules for a public policy; no policy:"
                    + " `NoSuchBucketPolicy`.", "Same.");
            case GET_PUBLIC_ACCESS_BLOCK, PUT_PUBLIC_ACCESS_BLOCK, DELETE_PUBLIC_ACCESS_BLOCK -> supported("The four"
                    + " switches, per bucket; none: `NoSuchPublicAccessBlockConfiguration`. Off unless put.",
                    "Also per account; on by default for new buckets.");
            case GET_BUCKET_OWNERSHIP_CONTROLS, PUT_BUCKET_OWNERSHIP_CONTROLS, DELETE_BUCKET_OWNERSHIP_CONTROLS ->
                    supported("`BucketOwnerEnforced` (ACLs off: `AccessControlListNotSupported` for any ACL but"
                    + " the owner's full control), `BucketOwnerPreferred`, `ObjectWriter`; kept in the bucket"
                    + " registry. Without one: ACLs on (`ObjectWriter`).",
                    "Same; without one `BucketOwnerEnforced` since April 2023.");
            case POST_OBJECT -> partial("Browser form upload (`multipart/form-data`), parsed as a stream, the file"
                    + " streamed to Swift through PutObject's path. Policy with `expiration`, `eq`, `starts-with`,"
                    + " `content-length-range`, exact matches, every field covered (`x-ignore-*` exempt); SigV4 and"
                    + " SigV2 form signatures against tempauth and Keystone users; `key` with `${filename}`,"
                    + " `Content-Type` and the other content fields, `x-amz-meta-*`, `x-amz-checksum-*`,"
                    + " `success_action_status` (200, 201 with `PostResponse`, 204), `success_action_redirect`;"
                    + " `acl` as PutObject's `x-amz-acl`. Unsigned forms: `AccessDenied`.",
                    "Also anonymous forms on a public-write bucket, `tagging`, `x-amz-security-token`.");
            case DELETE_OBJECTS -> supported("`Quiet`; multipart objects go with their segments; `VersionId` per"
                    + " key with `DeleteMarker`/`DeleteMarkerVersionId` in the answer; a locked version is an"
                    + " `AccessDenied` error for its key; `ETag` per key as DeleteObject's `If-Match`.", "Same.");
            case PUT_OBJECT -> partial("Streamed to Swift, verified (`Content-MD5`, signed payload,"
                    + " `x-amz-checksum-*` header or trailer, aws-chunked; a plain chunked body without"
                    + " `Content-Length` too, which AWS refuses). Conditional writes `If-None-Match: *` and"
                    + " `If-Match` (no `409 ConditionalRequestConflict`; README: how atomic); `x-amz-tagging`;"
                    + " `x-amz-version-id` on a versioned bucket; `x-amz-object-lock-*` (or the bucket's default"
                    + " retention); `x-amz-acl` and `x-amz-grant-*` (the object's own ACL). SSE: `NotImplemented`;"
                    + " a storage class but `STANDARD`: `InvalidStorageClass`. A checksum in an aws-chunked trailer"
                    + " (the AWS SDKs' default) on a body over 256 KiB is stored by a Swift metadata POST after the"
                    + " PUT (Swift takes no metadata after a body), posted only if a HEAD (`X-Newest`) just before"
                    + " shows the key still holds this PUT's object: three Swift requests instead of one, and"
                    + " `Last-Modified` (HEAD and listings alike) is the time of that POST, the end of the upload, not"
                    + " its start. Until the POST lands a reader sees no checksum; a PutObject that lost the race to"
                    + " a later one keeps no checksum (it still answers 200, as on AWS); a later PutObject of the key"
                    + " that lands between that HEAD and the POST (one round trip) gets this request's metadata"
                    + " (Swift has no conditional POST); the checksum is bound to the ETag of the object it was"
                    + " computed for (`X-Object-Meta-S3multi-Checksum-Of`) and is not shown on other bytes. Objects"
                    + " stored before this binding show their checksum as before. Smaller bodies are read whole first"
                    + " and carry the checksum with their one PUT.",
                    "Also `409 ConditionalRequestConflict`, SSE, storage classes; no later request moves"
                    + " `Last-Modified`.");
            case COPY_OBJECT -> partial("Server-side in Swift, `COPY`/`REPLACE` metadata and tagging directives,"
                    + " copy-source conditions, a source `versionId` (a multipart version of more parts than"
                    + " `max_manifest_segments`, which Swift answers 409 by version id, is copied through the gateway,"
                    + " as GetObject reads it); the copy's ACL is the one asked for, never the"
                    + " source's (as AWS). The same headers as PutObject are refused. Conditional writes on the"
                    + " destination as PutObject's (`If-None-Match: *`, `If-Match`), checked before the copy.",
                    "Also SSE, storage classes.");
            case GET_OBJECT -> supported("Ranges, conditions, `partNumber` (beyond the object's parts:"
                    + " `400 InvalidPart`), `response-*` overrides, `x-amz-checksum-mode`, `versionId` (a delete"
                    + " marker: `404` or `405` with `x-amz-delete-marker`; a multipart version of more parts than"
                    + " Swift's `max_manifest_segments`, which Swift answers 409 by version id, is read from its"
                    + " sub-manifests: one more request per 1,000 parts read, and two).", "Also SSE-C.");
            case HEAD_OBJECT -> supported("As GetObject.", "As GetObject.");
            case GET_OBJECT_ATTRIBUTES -> supported("`ETag`, `Checksum` (with `ChecksumType`), `ObjectParts`"
                    + " (`PartNumberMarker`, `MaxParts`, per-part size and checksum), `StorageClass`, `ObjectSize`;"
                    + " `versionId`. A delete marker answers as a missing key or version.",
                    "Also SSE-C; a delete marker: `x-amz-delete-marker` (`405` when asked for by version).");
            case DELETE_OBJECT -> supported("A multipart object goes with its segments once no version names"
                    + " them. `versionId`, delete markers (a suspended bucket writes none: docs/VERSIONING.md); a"
                    + " version under Object Lock: `AccessDenied` (`x-amz-bypass-governance-retention` for account"
                    + " administrators). Conditional deletes: `If-Match` (an ETag or `*`; `412 PreconditionFailed`,"
                    + " `404 NoSuchKey` for a missing key), checked before the DELETE as PutObject's `If-Match`"
                    + " (README: how atomic), on the current object only: with a `versionId` `NotImplemented`.",
                    "Also MFA delete.");
            case GET_OBJECT_ACL -> supported("The object's own ACL (reserved metadata), else the bucket owner"
                    + " with `FULL_CONTROL`; `versionId`.", "Same.");
            case PUT_OBJECT_ACL -> partial("As PutBucketAcl, stored by a Swift metadata POST (bytes and ETag"
                    + " kept, `Last-Modified` moves); the current version only.", "Any version; grants by e-mail"
                    + " address in some regions; `Last-Modified` unchanged.");
            case GET_OBJECT_TAGGING, PUT_OBJECT_TAGGING, DELETE_OBJECT_TAGGING -> partial("Up to 10 tags, AWS's"
                    + " rules and errors, changed by a Swift metadata POST (bytes and ETag kept, `Last-Modified`"
                    + " moves); tags of older versions cannot be changed. A tag set that does not fit beside the"
                    + " user metadata in Swift's 4 KB: `InvalidTag`.",
                    "Up to 10 tags per object, on any version; `Last-Modified` unchanged.");
            case CREATE_MULTIPART_UPLOAD -> supported("Metadata, content headers, `x-amz-tagging`,"
                    + " `x-amz-checksum-algorithm` and `x-amz-checksum-type`, `x-amz-acl` and `x-amz-grant-*`,"
                    + " `x-amz-object-lock-*` (applied at Complete); the same headers as PutObject are refused.",
                    "Same.");
            case UPLOAD_PART -> supported("Streamed and verified like PutObject; up to 10,000 parts; sent chunked"
                    + " without `Content-Length`: `NotImplemented`, as AWS.", "Same.");
            case UPLOAD_PART_COPY -> supported("Server-side in Swift, with `x-amz-copy-source-range` and a source"
                    + " `versionId` (a multipart version of more parts than `max_manifest_segments`, which Swift"
                    + " answers 409 by version id, is copied through the gateway, as GetObject reads it).", "Same.");
            case COMPLETE_MULTIPART_UPLOAD -> supported("A Static Large Object (nested beyond Swift's"
                    + " `max_manifest_segments`), whitespace kept alive while it works; a repeated part number counts"
                    + " with its last entry; `x-amz-checksum-*` must be the object's checksum (`<base64>-N` when"
                    + " COMPOSITE); `If-None-Match: *` and `If-Match`, a failed condition keeping the upload.",
                    "Also `x-amz-mp-object-size`.");
            case ABORT_MULTIPART_UPLOAD -> supported("Deletes the parts.", "Same.");
            case LIST_PARTS -> supported("`part-number-marker`, `max-parts`, part checksums.", "Same.");
            case LIST_MULTIPART_UPLOADS -> supported("`key-marker`, `upload-id-marker`, `prefix`, `delimiter`,"
                    + " `max-uploads`, `encoding-type`.", "Same.");
            case UNSUPPORTED -> notSupported("`NotImplemented`: see the table below.", "");
        };
    }

    /** The AWS operations answered {@code NotImplemented}, by the sub-resource or request form that names them. */
    static final Map<String, Unsupported> UNSUPPORTED = unsupported();

    private static Map<String, Unsupported> unsupported() {
        Map<String, Unsupported> rows = new LinkedHashMap<>();
        rows.put("accelerate", new Unsupported(List.of("GetBucketAccelerateConfiguration",
                "PutBucketAccelerateConfiguration"), "Transfer acceleration endpoints."));
        rows.put("analytics", new Unsupported(List.of("GetBucketAnalyticsConfiguration",
                "PutBucketAnalyticsConfiguration", "DeleteBucketAnalyticsConfiguration",
                "ListBucketAnalyticsConfigurations"), "Storage class analysis."));
        rows.put("encryption", new Unsupported(List.of("GetBucketEncryption", "PutBucketEncryption",
                "DeleteBucketEncryption"), "Default server-side encryption (SSE-S3 on every bucket since 2023)."));
        rows.put("intelligent-tiering", new Unsupported(List.of("GetBucketIntelligentTieringConfiguration",
                "PutBucketIntelligentTieringConfiguration", "DeleteBucketIntelligentTieringConfiguration",
                "ListBucketIntelligentTieringConfigurations"), "Automatic tiering between access tiers."));
        rows.put("inventory", new Unsupported(List.of("GetBucketInventoryConfiguration",
                "PutBucketInventoryConfiguration", "DeleteBucketInventoryConfiguration",
                "ListBucketInventoryConfigurations"), "Scheduled object inventories."));
        rows.put("logging", new Unsupported(List.of("GetBucketLogging", "PutBucketLogging"),
                "Server access logs into a bucket."));
        rows.put("metadataTable", new Unsupported(List.of("CreateBucketMetadataTableConfiguration",
                "GetBucketMetadataTableConfiguration", "DeleteBucketMetadataTableConfiguration"),
                "S3 Metadata tables."));
        rows.put("metrics", new Unsupported(List.of("GetBucketMetricsConfiguration", "PutBucketMetricsConfiguration",
                "DeleteBucketMetricsConfiguration", "ListBucketMetricsConfigurations"), "CloudWatch request metrics."));
        rows.put("notification", new Unsupported(List.of("GetBucketNotificationConfiguration",
                "PutBucketNotificationConfiguration"), "Event notifications (SNS, SQS, Lambda, EventBridge)."));
        rows.put("replication", new Unsupported(List.of("GetBucketReplication", "PutBucketReplication",
                "DeleteBucketReplication"), "Replication to other buckets."));
        rows.put("requestPayment", new Unsupported(List.of("GetBucketRequestPayment", "PutBucketRequestPayment"),
                "Requester-pays buckets."));
        rows.put("restore", new Unsupported(List.of("RestoreObject"), "Restores archived (Glacier) objects."));
        rows.put("select", new Unsupported(List.of("SelectObjectContent"), "SQL over CSV, JSON, Parquet objects."));
        rows.put("session", new Unsupported(List.of("CreateSession"), "Sessions of directory buckets (S3 Express)."));
        rows.put("torrent", new Unsupported(List.of("GetObjectTorrent"), "BitTorrent files of objects."));
        rows.put("website", new Unsupported(List.of("GetBucketWebsite", "PutBucketWebsite", "DeleteBucketWebsite"),
                "Static website hosting."));
        rows.put("OPTIONS", new Unsupported(List.of("OPTIONS object (CORS preflight), without the `cors` stage"),
                "Answered from the bucket's CORS rules, `403` when none matches (the `cors` stage, in the shipped"
                        + " pipeline, does the same)."));
        return rows;
    }

    private static Row supported(String gateway, String aws) {
        return new Row(Support.SUPPORTED, gateway, aws);
    }

    private static Row partial(String gateway, String aws) {
        return new Row(Support.PARTIAL, gateway, aws);
    }

    private static Row notSupported(String gateway, String aws) {
        return new Row(Support.NOT_SUPPORTED, gateway, aws);
    }
}
