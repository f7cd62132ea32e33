package io.s3multi.s3.handler.object;

import io.s3multi.s3.access.acl.AccessControlList;
import io.s3multi.s3.access.acl.AclWriteRules;
import io.s3multi.s3.access.acl.AclXml;
import io.s3multi.s3.access.acl.ObjectAclMetadata;
import io.s3multi.s3.access.acl.AclRequest;
import io.s3multi.s3.contract.StoredTags;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.version.VersionHeaders;
import io.s3multi.swift.SwiftHeaders;
import java.util.Objects;
import java.util.Optional;

/**
 * Get/PutObjectAcl. An object's own ACL is reserved metadata ({@link ObjectAclMetadata}); an object without one has
 * the bucket owner's full control. PutObjectAcl changes it with a Swift metadata {@code POST} ({@link MetadataPost},
 * with its limits: the current version only, {@code NotImplemented} for a noncurrent one), so the object's bytes
 * and ETag stay; GetObjectAcl reads any version ({@code versionId}).
 */
public final class ObjectAcls {

    private final AclWriteRules rules;

    public ObjectAcls(AclWriteRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public S3Response get(S3Call call) {
        SwiftHeaders stored = MetadataPost.asked(call);
        AccessControlList acl = ObjectAclMetadata.read(stored)
                .orElseGet(() -> AccessControlList.ownerFullControl(AclRequest.bucketOwner(call)));
        return S3Response.xml(AclXml.toDocument(acl))
                .withHeader(VersionHeaders.VERSION_ID, VersionHeaders.swiftVersionId(stored).orElse(null));
    }

    /** 200 with no body, as S3 answers. */
    public S3Response put(S3Call call) {
        MetadataPost.requireCurrentVersion(call, "ACL");
        SwiftHeaders stored = MetadataPost.head(call);
        AccessControlList owned = ObjectAclMetadata.read(stored)
                .orElseGet(() -> AccessControlList.ownerFullControl(AclRequest.bucketOwner(call)));
        Optional<AccessControlList> admitted = rules.admit(call.bucket(),
                AclRequest.fromAclRequest(call, owned.owner()), AclRequest.bucketOwner(call));
        SwiftHeaders kept = MetadataPost.kept(stored, ObjectAclMetadata::isAclHeader);
        SwiftHeaders aclPieces = admitted.map(ObjectAclMetadata::headers).orElseGet(SwiftHeaders::empty);
        StoredTags.requireRoomForAcl(kept, aclPieces);
        MetadataPost.post(call, kept.toBuilder().addAll(aclPieces).build());
        return S3Response.status(200)
                .withHeader(VersionHeaders.VERSION_ID, VersionHeaders.swiftVersionId(stored).orElse(null));
    }
}
