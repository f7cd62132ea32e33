package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ChecksumType;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.ObjectLockState;
import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.UnsupportedHeaders;
import io.s3multi.s3.http.HeaderValues;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.operation.ObjectMetadata;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.swift.SwiftHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CreateMultipartUpload request into the {@link UploadInfo} its marker will keep, refusing what AWS
 * refuses (and what would forge the gateway's reserved metadata).
 */
public final class CreateUploadRequest {

    private CreateUploadRequest() {
    }

    /**
     * The upload a CreateMultipartUpload request asks for.
     *
     * @throws S3Exception InvalidRequest for an unknown checksum algorithm or type, InvalidArgument for
     *                     user metadata in the gateway's reserved namespace or a header value with a line break,
     *                     InvalidArgument, BadRequest or InvalidTag for an {@code x-amz-tagging} S3 refuses
     *                     ({@link TagSet#fromHeader}) or that does not fit ({@link StoredTags}), and what PutObject
     *                     refuses ({@link UnsupportedHeaders}: encryption, storage classes)
     */
    public static UploadInfo read(RequestHead head, String key, UploadId uploadId, String initiator) {
        return read(head, key, uploadId, initiator, ObjectLockState.NONE);
    }

    /** As {@link #read(RequestHead, String, UploadId, String)}, for an object to be written with {@code lock}. */
    public static UploadInfo read(RequestHead head, String key, UploadId uploadId, String initiator,
            ObjectLockState lock) {
        return read(head, key, uploadId, initiator, lock, SwiftHeaders.empty());
    }

    /**
     * As {@link #read(RequestHead, String, UploadId, String, ObjectLockState)}, for an object to get the ACL that
     * {@code acl} (reserved metadata, {@code ObjectAclMetadata}) keeps.
     */
    public static UploadInfo read(RequestHead head, String key, UploadId uploadId, String initiator,
            ObjectLockState lock, SwiftHeaders acl) {
        return read(head, key, uploadId, initiator, "", lock, acl);
    }

    /** As above, with the initiator's id ({@link UploadInfo#initiatorId()}) as well as its display name. */
    public static UploadInfo read(RequestHead head, String key, UploadId uploadId, String initiator,
            String initiatorId, ObjectLockState lock, SwiftHeaders acl) {
        // A large file asks through here what a small one asks through PutObject: awscli's --sse and
        // --storage-class must not be kept silently for one and refused for the other.
        UnsupportedHeaders.refuseForWrite(head);
        head.headers().forEach((name, values) -> values.forEach(value -> HeaderValues.requireSingleLine(name, value)));
        Map<String, String> content = new LinkedHashMap<>();
        for (String name : UploadInfo.CONTENT_HEADERS) {
            if (head.header(name) != null) {
                content.put(name, head.header(name));
            }
        }
        Map<String, String> user = new LinkedHashMap<>();
        head.headers().forEach((name, values) -> {
            if (name.startsWith("x-amz-meta-") && !values.isEmpty()) {
                String bare = name.substring("x-amz-meta-".length());
                if (ReservedMetadata.isReservedS3Name(name)) {
                    throw S3Exception.invalidArgument("x-amz-meta-" + bare, values.get(0),
                            "Metadata names starting with s3multi- are reserved.");
                }
                // Stored as a PutObject stores it (ObjectMetadata): beyond ASCII, as AWS returns it.
                user.put(bare, HeaderValues.mailSafe(HeaderValues.asSent(String.join(",", values))));
            }
        });
        ObjectMetadata.refuseReservedContentType(head.header("Content-Type"));
        Optional<DigestAlgorithm> algorithm = Optional.empty();
        String algorithmName = head.header("x-amz-checksum-algorithm");
        if (algorithmName != null) {
            algorithm = DigestAlgorithm.fromAwsName(algorithmName)
                    .filter(a -> a != DigestAlgorithm.MD5 && a != DigestAlgorithm.SHA512);
            if (algorithm.isEmpty()) {
                throw S3Exception.invalidRequest("Checksum algorithm provided is unsupported. Please try again with "
                        + "any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
            }
        }
        String typeName = head.header("x-amz-checksum-type");
        ChecksumType type = algorithm.map(a -> ChecksumType.resolve(typeName, a)).orElse(null);
        if (algorithm.isEmpty() && typeName != null) {
            throw S3Exception.invalidRequest("The x-amz-checksum-type header can only be used with the "
                    + "x-amz-checksum-algorithm header.");
        }
        TagSet tags = TagSet.fromHeader(head.header("x-amz-tagging"));
        UploadInfo upload = new UploadInfo(key, uploadId, head.header("Content-Type"), content, user, algorithm, type,
                initiator, tags, lock, acl, initiatorId);
        StoredTags.requireRoomOnObject(upload.markerHeaders(), tags);
        return upload;
    }
}
