package io.s3multi.s3.access.authorization;

import io.s3multi.s3.access.PublicAccessBlock;
import io.s3multi.s3.access.PublicAccessBlockXml;
import io.s3multi.s3.access.acl.AccessControlList;
import io.s3multi.s3.access.acl.AclXml;
import io.s3multi.s3.access.acl.Grantee;
import io.s3multi.s3.access.acl.ObjectOwnership;
import io.s3multi.s3.access.acl.OwnershipControlsXml;
import io.s3multi.s3.access.policy.BucketPolicy;
import io.s3multi.s3.access.policy.PolicyParser;
import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.swift.error.SwiftException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What authorization knows of one bucket: its owner and the documents stored with its registry record.
 *
 * @param owner      the owning Swift account (= canonical id); empty when the bucket has no record (made with the
 *                   Swift API or before the registry, or without a registry): then only its own account reaches it
 * @param acl        the bucket's ACL; empty: the owner's full control
 * @param policy     the bucket policy, if any
 * @param publicAccessBlock the bucket's public access block ({@link PublicAccessBlock#NONE} without one)
 * @param ownership  the bucket's object ownership rule ({@code ObjectWriter} without one, as AWS before April 2023)
 * @param documents  the names of all the documents the record holds ({@link RegistryLayout}), those authorization
 *                   does not read included, so that a reader of another one knows when there is none to read
 */
public record BucketAccess(Optional<String> owner, Optional<AccessControlList> acl, Optional<BucketPolicy> policy,
                           PublicAccessBlock publicAccessBlock, ObjectOwnership ownership, Set<String> documents) {

    private static final Logger LOG = LoggerFactory.getLogger(BucketAccess.class);

    /** A bucket without a record. */
    public static final BucketAccess UNRECORDED = new BucketAccess(Optional.empty(), Optional.empty(),
            Optional.empty(), PublicAccessBlock.NONE, ObjectOwnership.OBJECT_WRITER);

    public BucketAccess {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(publicAccessBlock, "publicAccessBlock");
        Objects.requireNonNull(ownership, "ownership");
        documents = Set.copyOf(documents);
    }

    /** A bucket whose record holds no document but those given here (no lifecycle configuration, say). */
    public BucketAccess(Optional<String> owner, Optional<AccessControlList> acl, Optional<BucketPolicy> policy,
            PublicAccessBlock publicAccessBlock, ObjectOwnership ownership) {
        this(owner, acl, policy, publicAccessBlock, ownership, Set.of());
    }

    /** Whether the bucket's record held the document {@code object} when it was read. */
    public boolean holds(String object) {
        return documents.contains(object);
    }

    /** The bucket's ACL, or the owner's full control when it has none stored. */
    public AccessControlList effectiveAcl(String ownerAccount) {
        return acl.orElseGet(() -> AccessControlList.ownerFullControl(new Grantee.CanonicalUser(ownerAccount,
                ownerAccount)));
    }

    /**
     * Reads a bucket's owner and the documents its record has (one listing of the record, plus one read per
     * document present). A stored document that no longer parses counts as absent and is logged.
     */
    public static BucketAccess load(String bucket, AccessDocuments documents) throws SwiftException {
        Optional<AccessDocuments.Record> record = documents.record(bucket);
        if (record.isEmpty()) {
            return UNRECORDED;
        }
        var stored = new Stored(bucket, documents, record.get().objects());
        return new BucketAccess(Optional.of(record.get().owner()),
                stored.parsed(RegistryLayout.ACL, AclXml::parse),
                stored.parsed(RegistryLayout.POLICY, json -> PolicyParser.parse(json, bucket)),
                stored.parsed(RegistryLayout.PUBLIC_ACCESS_BLOCK, PublicAccessBlockXml::parse)
                        .orElse(PublicAccessBlock.NONE),
                stored.parsed(RegistryLayout.OWNERSHIP_CONTROLS, OwnershipControlsXml::parse)
                        .orElse(ObjectOwnership.OBJECT_WRITER),
                record.get().objects());
    }

    /** The documents one record has. */
    private record Stored(String bucket, AccessDocuments documents, Set<String> present) {

        <T> Optional<T> parsed(String object, Function<String, T> parser) throws SwiftException {
            if (!present.contains(object)) {
                return Optional.empty();
            }
            return parse(bucket, object, documents.read(bucket, object), parser);
        }
    }

    private static <T> Optional<T> parse(String bucket, String object, Optional<byte[]> stored,
            Function<String, T> parser) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(new String(stored.get(), StandardCharsets.UTF_8)));
        } catch (RuntimeException unreadable) {
            LOG.warn("the stored {} of bucket {} is not valid; treating it as absent: {}", object, bucket,
                    unreadable.toString());
            return Optional.empty();
        }
    }
}
