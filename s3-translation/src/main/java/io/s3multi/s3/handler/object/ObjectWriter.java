package io.s3multi.s3.handler.object;

import io.s3multi.s3.auth.RequestBody;
import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.integrity.PayloadExpectations;
import io.s3multi.s3.lock.LockHeaders;
import io.s3multi.s3.lock.NewVersionLock;
import io.s3multi.s3.operation.ObjectMetadata;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.StoredObject;
import io.s3multi.s3.operation.UnsupportedHeaders;
import io.s3multi.s3.operation.WriteConditions;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.s3.version.BucketVersioning;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * PutObject: streams the client's body into one Swift object PUT, holding only a small one.
 *
 * <p>First the request's headers become Swift headers ({@link ObjectMetadata}; {@code x-amz-tagging} as reserved
 * metadata, {@link StoredTags}; {@code Content-MD5} as
 * {@code ETag}, which Swift verifies and answers 422 to; {@code If-None-Match: *} as itself, which Swift answers
 * 412 to). Then the verified body ({@link io.s3multi.s3.operation.RequestBodySource}) is handed to Swift with its
 * decoded length: if a signature, digest or checksum does not match, the body stream throws before its last byte,
 * the upload is aborted, Swift stores nothing and the client gets the S3 error of the check that failed.
 *
 * <p>Object Lock: the version gets the retention and legal hold of {@code x-amz-object-lock-*}, else the bucket's
 * default retention ({@link NewVersionLock}), stored with the PUT itself, so no instant exists in which the new
 * version is unprotected. With lock headers AWS requires {@code Content-MD5} or a checksum; so does the gateway.
 *
 * <p>When the key held a Static Large Object (a multipart upload), its segments are deleted once the new object
 * is stored ({@link ReplacedLargeObject}); what the key held is read while the body streams
 * ({@link ReplacedObjectProbe}).
 *
 * <p>On a versioned bucket the answer names the version written ({@code x-amz-version-id}): Swift's id, or
 * {@code null} when the bucket is suspended, which the probe's look at the key tells (docs/VERSIONING.md).
 *
 * <p><b>Small bodies</b>, no larger than swift-client's upload buffer (256 KiB by default), are read whole and
 * checked before their PUT is sent, then sent in one piece: a failed check sends Swift nothing, and the PUT reaches
 * Swift's proxy as one write instead of its headers first and its body after (less work for the proxy per request).
 * Their look at the replaced object is decided then, right before the PUT.
 *
 * <p><b>Checksums.</b> A checksum sent as a header is known before the body and stored with the PUT as
 * {@code X-Object-Meta-S3multi-Checksum-<Alg>}. A checksum sent as an aws-chunked trailer (the AWS SDK's default)
 * is known only after the last byte. For a small body that is before the PUT, which then carries it: one Swift
 * request. For a larger one Swift already has the object's headers; the gateway then stores it with
 * a metadata POST right after the PUT, re-sending every metadata header because a Swift POST replaces them all.
 * Until that POST lands (a few milliseconds) a reader sees the object without its checksum; a POST that fails
 * leaves the object readable without a checksum and fails the request with the S3 form of the failure, so the
 * client retries. It cannot be one request on Swift 2.30: its proxy drops the trailers of a client's chunked body
 * (metadata after the body, "footers", exist only between its proxy and object servers), and its gatekeeper drops
 * a client's {@code X-Timestamp}, so the POST cannot keep the PUT's time either: {@code Last-Modified}, in HEAD and
 * in listings, becomes the POST's, the end of the upload rather than its start (docs/COMPATIBILITY.md). Swift has
 * no conditional POST, and a POST replaces all metadata: {@link TrailerChecksum} first looks whether the key still
 * holds this PUT's object (one HEAD more) and posts only then, so a later writer's metadata is replaced only if it
 * lands within that one round trip; the checksum is bound to the ETag Swift answered the PUT with
 * ({@link ReservedMetadata#CHECKSUM_OF}), so even then it is not shown on the later writer's bytes.
 */
public final class ObjectWriter {

    /** The largest object one PUT may create, as AWS: 5 GiB. */
    public static final long MAX_PUT_BYTES = 5L * 1024 * 1024 * 1024;

    private ObjectWriter() {
    }

    /** PutObject without an ACL of its own. */
    public static S3Response putObject(S3Call call) {
        return putObject(call, SwiftHeaders.empty());
    }

    /** @param acl the reserved metadata of the ACL the request asks for ({@code AclRequest}); empty for none */
    public static S3Response putObject(S3Call call, SwiftHeaders acl) {
        String bucket = call.bucket();
        String key = call.key();
        RequestHead head = call.request().head();
        UnsupportedHeaders.refuseForWrite(head);
        Optional<ObjectLockState> askedLock = LockHeaders.of(head, call.clock().instant());
        SwiftHeaders metadata = withTags(ObjectMetadata.fromRequest(head).toBuilder().addAll(acl).build(),
                TagSet.fromHeader(head.header("x-amz-tagging"))).toBuilder()
                .addAll(NewVersionLock.of(call, askedLock).headers()).build();
        SwiftHeaders.Builder putHeaders = metadata.toBuilder();
        String contentMd5 = head.header("Content-MD5");
        if (contentMd5 != null) {
            byte[] md5 = DigestAlgorithm.MD5.parseBase64(contentMd5)
                    .orElseThrow(() -> S3Exception.invalidDigest(contentMd5));
            putHeaders.add("ETag", HexFormat.of().formatHex(md5));
        }
        WriteConditions conditions = WriteConditions.fromRequest(head);
        putHeaders.addAll(conditions.swiftHeaders());

        RequestBody body = open(call);
        long length = body.contentLength();
        if (length < 0 && !ChunkedBody.isPlainChunked(head)) {
            throw S3Exception.missingContentLength();
        }
        if (length > MAX_PUT_BYTES) {
            throw S3Exception.entityTooLarge(length, MAX_PUT_BYTES);
        }
        Optional<DigestAlgorithm> checksum = body.checksumAlgorithm();
        if (askedLock.isPresent() && contentMd5 == null && checksum.isEmpty()) {
            throw S3Exception.invalidRequest("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object"
                    + " requests with Object Lock parameters");
        }
        boolean checksumInTrailer = checksum.isPresent()
                && PayloadExpectations.declaredTrailers(head).contains(checksum.get().checksumHeader());
        if (checksum.isPresent() && !checksumInTrailer) {
            putHeaders.add(ReservedMetadata.checksum(checksum.get()), head.header(checksum.get().checksumHeader()).trim())
                    .add(ReservedMetadata.CHECKSUM_TYPE, ReservedMetadata.FULL_OBJECT);
        }

        // With If-None-Match: * there is no older object whose segments could be left behind.
        boolean createOnly = conditions.isCreateOnly();
        boolean held = isHeld(call, length);
        byte[] whole = held ? readWhole(conditions.checkedAtEnd(body.stream(), call.swift(), bucket, key), length)
                : null;
        String checksumValue = held ? checksumValue(body, checksum) : null;
        if (held && checksumInTrailer) {
            // Read and checked before Swift saw a byte: the trailer's checksum goes with the PUT itself.
            putHeaders.add(ReservedMetadata.checksum(checksum.get()), checksumValue)
                    .add(ReservedMetadata.CHECKSUM_TYPE, ReservedMetadata.FULL_OBJECT);
        }
        // A held body's look is decided now, right before its PUT, as a streamed body's is before its own.
        ReplacedObjectProbe probe = createOnly
                ? ReplacedObjectProbe.none() : ReplacedObjectProbe.start(call.swift(), bucket, key);
        SwiftReply reply;
        if (held) {
            reply = probe.answered() ? putHeld(call, whole, putHeaders.build())
                    : upload(call, probe.holdEnd(new ByteArrayInputStream(whole)), length, putHeaders.build());
        } else {
            InputStream stream = length < 0 ? ChunkedBody.capped(body.stream(), MAX_PUT_BYTES) : body.stream();
            stream = conditions.checkedAtEnd(probe.holdEnd(stream), call.swift(), bucket, key);
            reply = upload(call, stream, length, putHeaders.build());
            checksumValue = checksumValue(body, checksum);
            if (checksumInTrailer) {
                // Stored only if the key still holds this PUT's object; if a later writer's is there, this
                // request still succeeds (as on AWS) and its superseded bytes lose their stored checksum.
                TrailerChecksum.store(call.swift(), bucket, key, metadata, checksum.get(), checksumValue, reply);
            }
        }
        ReplacedLargeObject replaced = probe.replaced();
        replaced.deleteSegments(call.swift(), reply);
        // Swift answers a version id only with versioning enabled; the probe's look at the key tells "suspended".
        Optional<String> version = VersionHeaders.written(reply.headers(), createOnly
                ? () -> BucketVersioning.read(call.swift(), bucket) != BucketVersioning.UNVERSIONED
                : replaced::versioningConfigured);
        S3Response response = S3Response.status(200).withHeader("ETag", StoredObject.quote(reply.etag()))
                .withHeader(VersionHeaders.VERSION_ID, version.orElse(null));
        String answeredChecksum = checksumValue;
        checksum.ifPresent(algorithm -> response.withHeader(algorithm.checksumHeader(), answeredChecksum)
                .withHeader("x-amz-checksum-type", ReservedMetadata.FULL_OBJECT));
        return response;
    }

    private static String checksumValue(RequestBody body, Optional<DigestAlgorithm> checksum) {
        return checksum.map(algorithm -> algorithm.toBase64(body.computed(algorithm).orElseThrow())).orElse(null);
    }

    /**
     * Whether the body is read whole before its PUT: one no larger than the buffer the upload would use anyway
     * (swift-client's upload buffer, 256 KiB by default). Its PUT then goes out as one write (headers and body
     * together), and a checksum in its trailer is known in time to go with it.
     */
    private static boolean isHeld(S3Call call, long length) {
        return length > 0 && length <= call.swift().session().transport().config().uploadBufferSize();
    }

    /**
     * The body's {@code length} bytes, after its end was read: the end is where a signature, digest, checksum or
     * condition is checked, and a failure there fails the request before Swift is sent anything.
     */
    private static byte[] readWhole(InputStream body, long length) {
        try (InputStream in = body) {
            // Into one array of the announced size: readNBytes(int) collects 8 KiB pieces and copies them into a
            // second array, twice the memory of a 256 KiB body while it is read.
            byte[] whole = new byte[(int) length];
            int read = in.readNBytes(whole, 0, whole.length);
            if (read < length) {
                throw new EOFException("the body ended after " + read + " of " + length + " bytes");
            }
            if (in.read() != -1) {
                throw new IOException("the body runs past its length of " + length + " bytes");
            }
            return whole;
        } catch (IOException | RuntimeException bodyFailure) {
            throw bodyFailure instanceof S3Exception s3 ? s3 : S3Failures.fromBodyFailure(bodyFailure);
        }
    }

    private static SwiftReply putHeld(S3Call call, byte[] whole, SwiftHeaders headers) {
        try {
            return call.swift().objects().put(call.bucket(), call.key(), whole, headers);
        } catch (SwiftException failure) {
            throw S3Failures.forObject(failure, call.swift(), call.bucket(), call.key());
        }
    }

    /**
     * The metadata with the tags of {@code x-amz-tagging}, if they fit ({@link StoredTags}) beside it: the metadata
     * must already hold the object's ACL pieces, which share the room.
     */
    static SwiftHeaders withTags(SwiftHeaders metadata, TagSet tags) {
        StoredTags.requireRoomOnObject(metadata, tags);
        return metadata.toBuilder().addAll(StoredTags.objectHeaders(tags)).build();
    }

    /**
     * The verified body. The gateway computes no MD5 of its own: Swift computes the object's MD5 as it stores it
     * and answers it as the ETag, and a client's Content-MD5 is checked twice anyway (by the body's expectations
     * and by Swift against the {@code ETag} header). At about 750 MB/s per core, a third MD5 would be the largest
     * single cost of an upload through the gateway.
     */
    private static RequestBody open(S3Call call) {
        try {
            return call.body().open(Set.of());
        } catch (RuntimeException refused) {
            throw S3Failures.fromBodyFailure(refused);
        }
    }

    private static SwiftReply upload(S3Call call, InputStream body, long length, SwiftHeaders headers) {
        String bucket = call.bucket();
        String key = call.key();
        try (InputStream in = body) {
            if (length == 0) {
                // An empty body has no last byte to hold back: reading its end is what verifies it.
                if (in.read() != -1) {
                    throw S3Exception.incompleteBody();
                }
                return call.swift().objects().put(bucket, key, new byte[0], headers);
            }
            return length < 0 ? call.swift().objects().putChunked(bucket, key, in, headers, null)
                    : call.swift().objects().put(bucket, key, in, length, headers);
        } catch (SwiftException failure) {
            throw S3Failures.forObject(failure, call.swift(), bucket, key);
        } catch (IOException | RuntimeException bodyFailure) {
            if (bodyFailure instanceof S3Exception s3) {
                throw s3;
            }
            throw S3Failures.fromBodyFailure(bodyFailure);
        }
    }
}
