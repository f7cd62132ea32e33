package io.s3multi.s3.handler.object;

import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.lock.LockHeaders;
import io.s3multi.s3.lock.NewVersionLock;
import io.s3multi.s3.operation.HttpDates;
import io.s3multi.s3.operation.ObjectMetadata;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.StoredObject;
import io.s3multi.s3.operation.UnsupportedHeaders;
import io.s3multi.s3.operation.WriteConditions;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.s3.xml.documents.CopyObjectResult;
import io.s3multi.s3.version.NestedVersionRead;
import io.s3multi.s3.version.ObjectVersions;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.s3.version.VersionId;
import io.s3multi.swift.ObjectPath;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * CopyObject, server-side: Swift copies the bytes ({@code X-Copy-From}, or for a source version, which
 * {@code X-Copy-From} cannot name, the {@code COPY} verb with {@code ?version-id=}); none pass through the gateway.
 * On a versioned bucket the answer names the version written ({@code x-amz-version-id}) and the source version
 * copied ({@code x-amz-copy-source-version-id}).
 *
 * <p>The source is looked at first (HEAD): it must exist, the {@code x-amz-copy-source-if-*} conditions are
 * evaluated against it ({@link Preconditions}; any failure is 412 {@code PreconditionFailed}, as S3 answers for
 * copies), and it must not exceed the 5 GiB S3 allows a copy source.
 *
 * <p>The new object's metadata is always written out explicitly with {@code X-Fresh-Metadata: true}, never left
 * to Swift's copy: with {@code COPY} (the default) the source's content headers and user metadata, with
 * {@code REPLACE} the request's. That way reserved metadata that describes the source's <em>form</em> (the S3
 * ETag of a multipart source, which Swift's copy turns into a plain object with a plain MD5 ETag) is not carried
 * over, while a whole-object checksum, which still describes the copied bytes, is. Tags follow
 * {@code x-amz-tagging-directive} the same way: {@code COPY} (the default) keeps the source's, {@code REPLACE}
 * takes {@code x-amz-tagging} (none without it). The copy's Object Lock state is never the source's: it is what
 * {@code x-amz-object-lock-*} asks for, else the destination bucket's default retention ({@link NewVersionLock}), as
 * on AWS. Neither is its ACL: the copy gets the one the request asks for ({@code x-amz-acl}, {@code x-amz-grant-*}),
 * else none of its own (its owner's full control), as AWS. Copying an object onto itself
 * without {@code REPLACE} changes nothing and is refused with {@code InvalidRequest}, as S3 does.
 */
public final class ObjectCopier {

    /** The largest object S3 copies in one CopyObject. */
    public static final long MAX_COPY_SOURCE_BYTES = 5L * 1024 * 1024 * 1024;

    /** The checksums a CopyObjectResult has elements for. */
    private static final Set<String> RESULT_CHECKSUMS = Set.of("CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256");

    private ObjectCopier() {
    }

    /** CopyObject without an ACL of its own. */
    public static S3Response copyObject(S3Call call) {
        return copyObject(call, SwiftHeaders.empty());
    }

    /**
     * @param acl the reserved metadata of the ACL the request asks for ({@code AclRequest}); empty for none: the copy
     *            never takes its source's ACL, as on AWS
     */
    public static S3Response copyObject(S3Call call, SwiftHeaders acl) {
        RequestHead head = call.request().head();
        UnsupportedHeaders.refuseForWrite(head);
        CopySource source = CopySource.parse(head.header("x-amz-copy-source"));
        boolean replace = replace(head.header("x-amz-metadata-directive"), "metadata");
        boolean replaceTags = replace(head.header("x-amz-tagging-directive"), "tagging");
        String bucket = call.bucket();
        String key = call.key();
        // Copying an old version onto its own key is how S3 restores it, so only a copy of the current one is idle.
        if (source.bucket().equals(bucket) && source.key().equals(key) && source.version().isEmpty() && !replace) {
            throw S3Exception.invalidRequest("This copy request is illegal because it is trying to copy an object to"
                    + " itself without changing the object's metadata, storage class, website redirect location or"
                    + " encryption attributes.");
        }
        SwiftAccount swift = call.swift();
        StoredObject stored = new StoredObject(ObjectVersions.headCopySource(swift, source.bucket(), source.key(),
                source.version()).headers());
        Preconditions conditions = Preconditions.forCopySource(head);
        Preconditions.Outcome outcome = conditions.evaluate(stored.etag(), stored.lastModified());
        if (outcome != Preconditions.Outcome.PROCEED) {
            throw S3Exception.preconditionFailed(conditions.failedCondition(outcome));
        }
        if (stored.size() > MAX_COPY_SOURCE_BYTES) {
            throw S3Exception.invalidRequest("The specified copy source is larger than the maximum allowable size"
                    + " for a copy source: " + MAX_COPY_SOURCE_BYTES);
        }

        // The destination's own conditions (If-None-Match: *, If-Match), as PutObject's, checked before the copy
        // only: Swift's copy applies conditional headers of the PUT to its read of the source (a 304 for
        // If-None-Match: *), so none goes with it.
        WriteConditions writeConditions = WriteConditions.fromRequest(head);
        S3Failures.onObject(swift, bucket, key, () -> {
            writeConditions.check(swift, bucket, key);
            return null;
        });

        TagSet tags = replaceTags ? TagSet.fromHeader(head.header("x-amz-tagging"))
                : StoredTags.ofObject(stored.swiftHeaders());
        SwiftHeaders.Builder headers = ObjectWriter.withTags((replace ? ObjectMetadata.fromRequest(head)
                : ObjectMetadata.copiedFrom(stored.swiftHeaders())).toBuilder().addAll(acl).build(), tags).toBuilder();
        Optional<StoredObject.StoredChecksum> checksum = stored.checksum().filter(StoredObject.StoredChecksum::isFullObject);
        Optional<String> copiedEtag = plainObjectEtag(stored);
        checksum.ifPresent(kept -> headers.add(ReservedMetadata.checksum(kept.algorithm()), kept.value())
                .add(ReservedMetadata.CHECKSUM_TYPE, ReservedMetadata.FULL_OBJECT));
        checksum.flatMap(kept -> copiedEtag).ifPresent(etag -> headers.add(ReservedMetadata.CHECKSUM_OF, etag));
        headers.addAll(NewVersionLock.of(call, LockHeaders.of(head, call.clock().instant())).headers());
        SwiftHeaders written = headers.build();
        headers.add("X-Fresh-Metadata", "true");

        ReplacedLargeObject replaced = ReplacedLargeObject.capture(swift, bucket, key);
        SwiftReply reply;
        try {
            ObjectPath from = new ObjectPath(source.bucket(), source.key());
            reply = source.version().isPresent()
                    ? swift.objects().copyVersion(from, source.version().get().value(), new ObjectPath(bucket, key),
                            headers.build())
                    : swift.objects().copy(from, new ObjectPath(bucket, key), headers.build());
        } catch (SwiftException failure) {
            // A version Swift cannot copy by id (nested manifests): its bytes pass through the gateway, one PUT.
            Optional<SwiftReply> streamed = source.version().isPresent() && NestedVersionRead.applies(failure)
                    ? S3Failures.onObject(swift, bucket, key, () -> NestedVersionRead.copy(swift,
                            new ObjectPath(source.bucket(), source.key()), source.version().get().value(),
                            size -> null, new ObjectPath(bucket, key), written))
                    : Optional.empty();
            if (streamed.isPresent()) {
                reply = streamed.get();
            } else if (S3Failures.isNotFound(failure)) {
                S3Failures.requireBucket(swift, bucket);
                throw source.version().map(version -> S3Exception.noSuchVersion(source.key(), version.value()))
                        .orElseGet(() -> S3Exception.noSuchKey(source.key()));
            } else {
                throw S3Failures.forObject(failure, swift, bucket, key);
            }
        }
        replaced.deleteSegments(swift, reply);
        Instant lastModified = HttpDates.parse(reply.header("Last-Modified")).orElseGet(() -> call.clock().instant());
        CopyObjectResult result = new CopyObjectResult(StoredObject.quote(reply.etag()), lastModified);
        boolean copiedWhatWasLookedAt = copiedEtag.map(StoredObject.unquoted(reply.etag())::equalsIgnoreCase)
                .orElse(true);
        checksum.filter(kept -> copiedWhatWasLookedAt && RESULT_CHECKSUMS.contains(kept.algorithm().awsName()))
                .ifPresent(kept -> result.checksum(kept.algorithm().awsName(), kept.value()));
        return S3Response.xml(result)
                .withHeader(VersionHeaders.VERSION_ID,
                        VersionHeaders.written(reply.headers(), replaced::versioningConfigured).orElse(null))
                .withHeader(VersionHeaders.COPY_SOURCE_VERSION_ID, copiedVersion(source, stored, reply));
    }

    /**
     * The Swift ETag of a source whose Swift copy keeps its bytes as they are (neither a Static nor a Dynamic Large
     * Object, which a copy concatenates into a plain object of another ETag). The source's checksum is read by a HEAD
     * before the copy, and Swift copies what the source holds when the copy runs, which a PutObject in between
     * changed: bound to this ETag ({@link ReservedMetadata#CHECKSUM_OF}), the checksum is shown on the copy only if
     * it got the bytes the checksum was computed for.
     */
    private static Optional<String> plainObjectEtag(StoredObject source) {
        String etag = source.swiftHeaders().get("ETag");
        if (source.isStaticLargeObject() || source.swiftHeaders().get("X-Object-Manifest") != null || etag == null
                || etag.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(StoredObject.unquoted(etag));
    }

    /**
     * The source version copied, as S3 reports it when the source bucket is versioned: the one asked for, else the
     * one Swift says it copied, else the one the source's HEAD showed (whose conditions were checked).
     */
    private static String copiedVersion(CopySource source, StoredObject stored, SwiftReply reply) {
        return source.version().map(VersionId::value)
                .or(() -> Optional.ofNullable(reply.header(VersionHeaders.SWIFT_COPIED_FROM_VERSION_ID)))
                .or(() -> VersionHeaders.swiftVersionId(stored.swiftHeaders()))
                .orElse(null);
    }

    /** Whether {@code x-amz-<what>-directive} says {@code REPLACE}; {@code COPY} is the default. */
    private static boolean replace(String directive, String what) {
        if (directive == null) {
            return false;
        }
        return switch (directive.trim().toUpperCase(Locale.ROOT)) {
            case "COPY" -> false;
            case "REPLACE" -> true;
            default -> throw S3Exception.invalidArgument("x-amz-" + what + "-directive", directive,
                    "Unknown " + what + " directive.");
        };
    }
}
