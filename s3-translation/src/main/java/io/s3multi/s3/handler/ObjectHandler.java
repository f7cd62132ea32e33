package io.s3multi.s3.handler;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.access.acl.AclWriteRules;
import io.s3multi.s3.handler.object.ObjectAcls;
import io.s3multi.s3.handler.object.ObjectAttributesReader;
import io.s3multi.s3.handler.object.ObjectCopier;
import io.s3multi.s3.handler.object.ObjectDeleter;
import io.s3multi.s3.handler.object.ObjectLocks;
import io.s3multi.s3.handler.object.ObjectReader;
import io.s3multi.s3.handler.object.ObjectTagging;
import io.s3multi.s3.handler.object.ObjectWriter;
import io.s3multi.s3.handler.object.VersionDeleter;
import io.s3multi.s3.lock.DeleteAuthority;
import io.s3multi.s3.lifecycle.ExpirationHeaders;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import io.s3multi.s3.operation.MissingBucket;
import io.s3multi.s3.access.acl.AclRequest;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.WriteConditions;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.version.VersionId;
import java.util.Objects;
import java.util.Optional;

/**
 * Object operations on the Swift object that is the key: put, copy (server-side), get, head, delete, ACL, tagging.
 *
 * <p>Bucket {@code b} is container {@code b} of the caller's account and key {@code k} is object {@code k}
 * (design §4). The work lives in {@link io.s3multi.s3.handler.object}: {@link ObjectWriter} (PutObject),
 * {@link ObjectReader} (GetObject, HeadObject), {@link ObjectAttributesReader} (GetObjectAttributes),
 * {@link ObjectCopier} (CopyObject), {@link ObjectDeleter} (DeleteObject), {@link ObjectTagging}
 * (Get/Put/DeleteObjectTagging), {@link ObjectLocks} (Get/PutObjectRetention, Get/PutObjectLegalHold); this class routes and answers the small sub-resources itself:
 * <ul>
 *   <li>ACLs: {@link ObjectAcls} keeps an object's own ACL as reserved metadata (PutObject, CopyObject and
 *       PutObjectAcl set it, within what the bucket's {@link AclWriteRules} allow);</li>
 *   <li>tagging: {@link ObjectTagging} keeps an object's tags as reserved metadata and changes them without
 *       rewriting the object's bytes.</li>
 * </ul>
 */
public final class ObjectHandler {

    private final S3ApiSettings settings;
    private final MissingBucket missingBucket;
    private final ExpirationHeaders expiration;
    private final AclWriteRules aclRules;
    private final ObjectAcls acls;

    public ObjectHandler(S3ApiSettings settings) {
        this(settings, MissingBucket.NO_SUCH_BUCKET);
    }

    /** @param missingBucket what to answer for a bucket that is not in the caller's account */
    public ObjectHandler(S3ApiSettings settings, MissingBucket missingBucket) {
        this(settings, missingBucket, LifecycleLookup.NONE);
    }

    /** @param lifecycles the buckets' lifecycle rules, for {@code x-amz-expiration} on put, get and head */
    public ObjectHandler(S3ApiSettings settings, MissingBucket missingBucket, LifecycleLookup lifecycles) {
        this(settings, missingBucket, lifecycles, AclWriteRules.NONE);
    }

    /** @param aclRules what the buckets' settings let an object's ACL be ({@link AclWriteRules}) */
    public ObjectHandler(S3ApiSettings settings, MissingBucket missingBucket, LifecycleLookup lifecycles,
                         AclWriteRules aclRules) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.missingBucket = Objects.requireNonNull(missingBucket, "missingBucket");
        this.expiration = new ExpirationHeaders(lifecycles);
        this.aclRules = Objects.requireNonNull(aclRules, "aclRules");
        this.acls = new ObjectAcls(aclRules);
    }

    public S3Response putObject(S3Call call) {
        return expiration.onObject(call, guarded(call,
                c -> ObjectWriter.putObject(c, AclRequest.objectHeaders(c, aclRules))));
    }

    public S3Response copyObject(S3Call call) {
        return guarded(call, c -> ObjectCopier.copyObject(c, AclRequest.objectHeaders(c, aclRules)));
    }

    public S3Response getObject(S3Call call) {
        return expiration.onObject(call, guarded(call, ObjectReader::getObject));
    }

    public S3Response headObject(S3Call call) {
        return expiration.onObject(call, guarded(call, ObjectReader::headObject));
    }

    public S3Response getObjectAttributes(S3Call call) {
        return guarded(call, ObjectAttributesReader::getObjectAttributes);
    }

    /**
     * DeleteObject: the key ({@link ObjectDeleter}), answering the delete marker Swift wrote, if any, and only when
     * its {@code If-Match} holds; or with {@code versionId} that version ({@link VersionDeleter}), answering whether
     * it was a marker. AWS evaluates {@code If-Match} against the current object only, so with a version id it is
     * {@code NotImplemented} rather than ignored.
     */
    public S3Response deleteObject(S3Call call) {
        Optional<VersionId> version = VersionId.fromQuery(call.request());
        WriteConditions conditions = WriteConditions.ofDelete(call.request().head());
        if (version.isPresent() && conditions.needsCheck()) {
            throw S3Exception.notImplementedHeader("If-Match");
        }
        if (version.isPresent()) {
            return guarded(call, c -> {
                VersionDeleter.Deletion deleted = VersionDeleter.delete(c.swift(), c.bucket(), c.key(),
                        version.get().value(), DeleteAuthority.of(c));
                S3Response answer = S3Response.noContent().withHeader(VersionHeaders.VERSION_ID, deleted.versionId());
                return deleted.deleteMarker() ? answer.withHeader(VersionHeaders.DELETE_MARKER, "true") : answer;
            });
        }
        return guarded(call, c -> {
            Optional<String> marker = ObjectDeleter.delete(c.swift(), c.bucket(), c.key(), conditions)
                    .markerVersionId();
            return marker.map(id -> S3Response.noContent().withHeader(VersionHeaders.DELETE_MARKER, "true")
                    .withHeader(VersionHeaders.VERSION_ID, id)).orElseGet(S3Response::noContent);
        });
    }

    public S3Response getObjectAcl(S3Call call) {
        return guarded(call, acls::get);
    }

    public S3Response putObjectAcl(S3Call call) {
        return guarded(call, acls::put);
    }

    /** Get/PutObjectRetention, Get/PutObjectLegalHold: one of {@link ObjectLocks}'s operations. */
    public S3Response objectLock(S3Call call, java.util.function.Function<S3Call, S3Response> operation) {
        return guarded(call, operation);
    }

    public S3Response getObjectTagging(S3Call call) {
        return guarded(call, ObjectTagging::get);
    }

    public S3Response putObjectTagging(S3Call call) {
        return guarded(call, ObjectTagging::put);
    }

    public S3Response deleteObjectTagging(S3Call call) {
        return guarded(call, ObjectTagging::delete);
    }

    /** Runs an operation; a {@code NoSuchBucket} from it (target or copy source) goes through {@link MissingBucket}. */
    private S3Response guarded(S3Call call, java.util.function.Function<S3Call, S3Response> operation) {
        try {
            return operation.apply(call);
        } catch (S3Exception failure) {
            throw missingBucket.translate(call, failure);
        }
    }
}
