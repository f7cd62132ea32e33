package io.s3multi.s3.access.acl;

import io.s3multi.s3.access.PublicAccessBlock;
import io.s3multi.s3.access.PublicAccessBlockXml;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a bucket's settings allow an ACL write (CreateBucket's and PutObject's ACL headers, CopyObject,
 * CreateMultipartUpload, Put{Bucket,Object}Acl, a POST form's {@code acl}) to set, as AWS decides it:
 * <ul>
 *   <li>OwnershipControls {@code BucketOwnerEnforced}: ACLs are off. An ACL that grants nothing but
 *       {@code FULL_CONTROL} to the owner and the bucket owner ({@code private}, {@code bucket-owner-full-control})
 *       is accepted and not stored (everything belongs to the bucket owner anyway); any other is
 *       {@code AccessControlListNotSupported}.</li>
 *   <li>PublicAccessBlock {@code BlockPublicAcls}: an ACL with a grant to AllUsers or AuthenticatedUsers is
 *       {@code AccessDenied}.</li>
 * </ul>
 * The bucket's documents are read only for writes that set an ACL, so ordinary writes cost nothing. A stored
 * document that does not read counts as absent (logged): a bucket without OwnershipControls behaves as
 * {@code ObjectWriter} (ACLs on), one without a public access block blocks nothing.
 */
public final class AclWriteRules {

    /** Where a bucket's documents come from (S3 XML; empty without one). */
    public interface Source {
        Optional<String> ownershipControls(String bucket);

        Optional<String> publicAccessBlock(String bucket);
    }

    /** No bucket has settings (a gateway without a bucket registry): every ACL is admitted. */
    public static final AclWriteRules NONE = new AclWriteRules(new Source() {
        @Override
        public Optional<String> ownershipControls(String bucket) {
            return Optional.empty();
        }

        @Override
        public Optional<String> publicAccessBlock(String bucket) {
            return Optional.empty();
        }
    });

    private static final Logger LOG = LoggerFactory.getLogger(AclWriteRules.class);

    private final Source source;

    public AclWriteRules(Source source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The ACL to store for a write to {@code bucket} that asks for {@code acl}: itself, or empty where the
     * bucket's ownership makes it the default.
     *
     * @param bucketOwner the bucket's owner
     * @throws S3Exception {@code AccessControlListNotSupported} or {@code AccessDenied} as above
     */
    public Optional<AccessControlList> admit(String bucket, AccessControlList acl, Grantee.CanonicalUser bucketOwner) {
        if (ownership(bucket) == ObjectOwnership.BUCKET_OWNER_ENFORCED) {
            if (!onlyOwnersFullControl(acl, bucketOwner)) {
                throw S3Exception.of(S3ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
            }
            return Optional.empty();
        }
        if (AclEvaluation.isPublic(acl) && publicAccessBlock(bucket).blockPublicAcls()) {
            throw S3Exception.accessDenied().withReason("BlockPublicAcls");
        }
        return Optional.of(acl);
    }

    /** The bucket's object ownership ({@code ObjectWriter} without OwnershipControls). */
    public ObjectOwnership ownership(String bucket) {
        return stored(source.ownershipControls(bucket), OwnershipControlsXml::parse, "OwnershipControls", bucket)
                .orElse(ObjectOwnership.OBJECT_WRITER);
    }

    private PublicAccessBlock publicAccessBlock(String bucket) {
        return stored(source.publicAccessBlock(bucket), PublicAccessBlockXml::parse, "PublicAccessBlock", bucket)
                .orElse(PublicAccessBlock.NONE);
    }

    private static boolean onlyOwnersFullControl(AccessControlList acl, Grantee.CanonicalUser bucketOwner) {
        return acl.grants().stream().allMatch(grant -> grant.permission() == Permission.FULL_CONTROL
                && grant.grantee() instanceof Grantee.CanonicalUser user
                && (user.id().equals(acl.owner().id()) || user.id().equals(bucketOwner.id())));
    }

    private static <T> Optional<T> stored(Optional<String> document, Function<String, T> parser, String what,
                                          String bucket) {
        try {
            return document.map(parser);
        } catch (RuntimeException unreadable) {
            LOG.warn("the stored {} of bucket {} does not read; treating it as absent: {}", what, bucket,
                    unreadable.toString());
            return Optional.empty();
        }
    }
}
