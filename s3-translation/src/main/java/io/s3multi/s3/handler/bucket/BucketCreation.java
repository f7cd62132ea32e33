package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.access.acl.AccessControlList;
import io.s3multi.s3.access.acl.AclWriteRules;
import io.s3multi.s3.access.acl.ObjectOwnership;
import io.s3multi.s3.access.acl.OwnershipControlsXml;
import io.s3multi.s3.contract.BucketLockConfiguration;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.lock.BucketLocks;
import io.s3multi.s3.multipart.SegmentFreeBuckets;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.version.BucketVersioning;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.operation.SwiftStatusMapper;
import io.s3multi.s3.xml.documents.CreateBucketConfiguration;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CreateBucket: claims the name in the {@link BucketRegistry}, then creates the container in the caller's
 * account.
 *
 * <ul>
 *   <li>The name was checked by the request parser ({@code InvalidBucketName} before anything here runs, so a
 *       refused name touches neither Swift nor the registry).</li>
 *   <li>An optional {@code CreateBucketConfiguration} body may name a {@code LocationConstraint}; it must be the
 *       configured {@code location} (an explicit {@code us-east-1} is accepted when that is the location, which
 *       AWS itself refuses, to spare tools that always send one). Any other region is
 *       {@code InvalidLocationConstraint}.</li>
 *   <li>{@code x-amz-acl} or {@code x-amz-grant-*} give the bucket its ACL ({@link BucketAcls}), and
 *       {@code x-amz-object-ownership} its OwnershipControls ({@link BucketOwnershipControls}), both stored once
 *       the container is made; they are checked before anything is made ({@code InvalidBucketAclWithObjectOwnership}
 *       for an ACL with {@code BucketOwnerEnforced}; {@code NotImplemented} without a registry to keep them).</li>
 *   <li>{@code x-amz-bucket-object-lock-enabled: true} enables Object Lock and versioning
 *       (docs/OBJECT-LOCK.md).</li>
 *   <li>A name another account holds is {@code BucketAlreadyExists}, and no container is created. A name the
 *       caller's account already has as a container (Swift answers 202 to the PUT) is
 *       {@code BucketAlreadyOwnedByYou} (409, as AWS answers outside us-east-1's legacy mode, where it would be
 *       200; a 409 tells scripts the truth).</li>
 *   <li>While it creates the container the request holds the record; if the container cannot be created after
 *       a fresh claim, the name is forgotten unless another request of the account holds the record or created
 *       the bucket ({@link BucketRegistry#hold}, {@link SwiftBucketRegistry}).</li>
 * </ul>
 * The answer is 200 with {@code Location: /bucket}.
 */
public final class BucketCreation {

    private static final Logger LOG = LoggerFactory.getLogger(BucketCreation.class);
    private static final String OBJECT_LOCK_HEADER = "x-amz-bucket-object-lock-enabled";
    private static final String OWNERSHIP_HEADER = "x-amz-object-ownership";
    /** Claims in a row that failed creates may take away before this request holds the record. */
    private static final int CLAIM_ATTEMPTS = 3;

    private final S3ApiSettings settings;
    private final BucketRegistry registry;
    private final BucketAcls acls;
    private final BucketOwnershipControls ownership;

    public BucketCreation(S3ApiSettings settings, BucketRegistry registry) {
        this(settings, registry, new BucketAcls(registry, new BucketPresence(registry), AclWriteRules.NONE),
                new BucketOwnershipControls(registry, new BucketPresence(registry)));
    }

    /**
     * @param acls      stores the ACL of {@code x-amz-acl} / {@code x-amz-grant-*}
     * @param ownership stores the rule of {@code x-amz-object-ownership}
     */
    public BucketCreation(S3ApiSettings settings, BucketRegistry registry, BucketAcls acls,
                          BucketOwnershipControls ownership) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.acls = Objects.requireNonNull(acls, "acls");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
    }

    public S3Response createBucket(S3Call call) {
        String bucket = call.bucket();
        Optional<AccessControlList> acl = acls.requestedOnCreate(call)
                .filter(asked -> !asked.equals(AccessControlList.ownerFullControl(asked.owner())));
        Optional<ObjectOwnership> objectOwnership = Optional.ofNullable(call.request().header(OWNERSHIP_HEADER))
                .map(value -> {
                    try {
                        return OwnershipControlsXml.named(value);
                    } catch (S3Exception unknown) {
                        throw S3Exception.invalidArgument(OWNERSHIP_HEADER, value,
                                "Invalid x-amz-object-ownership header");
                    }
                });
        if (acl.isPresent() && objectOwnership.filter(ObjectOwnership.BUCKET_OWNER_ENFORCED::equals).isPresent()) {
            throw S3Exception.of(S3ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP);
        }
        if ((acl.isPresent() || objectOwnership.isPresent()) && registry == BucketRegistry.none()) {
            throw S3Exception.notImplemented("Bucket ACLs and ownership controls need the gateway's bucket registry");
        }
        boolean objectLock = "true".equalsIgnoreCase(call.request().header(OBJECT_LOCK_HEADER));
        readConfiguration(call).map(CreateBucketConfiguration::locationConstraint)
                .filter(constraint -> !constraint.isBlank())
                .filter(constraint -> !constraint.strip().equals(settings.location()))
                .ifPresent(constraint -> {
                    throw S3Exception.invalidLocationConstraint(constraint);
                });

        String account = call.identity().swiftAccount();
        BucketRegistry.Claim claim;
        Optional<String> hold;
        int attempts = 0;
        do {
            claim = claim(bucket, account);
            if (claim == BucketRegistry.Claim.TAKEN) {
                throw S3Exception.bucketAlreadyExists(bucket);
            }
            // Empty: a create that failed forgot the record between our claim and our hold; claim it anew.
            hold = registry(() -> registry.hold(bucket));
        } while (hold.isEmpty() && ++attempts < CLAIM_ATTEMPTS);
        if (hold.isEmpty()) {
            throw S3Exception.serviceUnavailable();
        }
        SwiftReply created;
        try {
            created = call.swift().containers().create(bucket, SwiftHeaders.empty());
        } catch (SwiftException failure) {
            giveUp(bucket, hold.get(), claim);
            throw SwiftStatusMapper.toS3(failure, SwiftStatusMapper.Target.bucket(bucket));
        }
        String settled = hold.get();
        registry(() -> {
            registry.settle(bucket, settled);
            return null;
        });
        if (created.status() == 202) {
            throw S3Exception.bucketAlreadyOwnedByYou(bucket);
        }
        if (objectLock) {
            enableObjectLock(call);
        }
        acl.ifPresent(asked -> acls.storeOnCreate(call, asked));
        objectOwnership.ifPresent(rule -> ownership.store(call, rule));
        return S3Response.status(200).withHeader("Location", "/" + bucket);
    }

    /**
     * Object Lock at creation: versioning on and the lock configuration stored, by a POST after the container is
     * created (a PUT with those headers would also switch an existing container, which answers 202). A POST that
     * fails leaves a bucket without Object Lock and fails the request.
     */
    private static void enableObjectLock(S3Call call) {
        SwiftHeaders headers = BucketVersioning.ENABLED.swiftHeaders().toBuilder()
                .addAll(BucketLockConfiguration.ENABLED.containerHeaders()).build();
        S3Failures.mapped(SwiftStatusMapper.Target.bucket(call.bucket()),
                () -> call.swift().containers().post(call.bucket(), headers));
        SegmentFreeBuckets.SHARED.forget(call.swift(), call.bucket());
        BucketLocks.remember(call, BucketLockConfiguration.ENABLED);
    }

    /**
     * After a failed create: ends the hold and, for a name this request claimed, forgets it unless another
     * request of the account holds the record or created the bucket (see {@link SwiftBucketRegistry}).
     */
    private void giveUp(String bucket, String hold, BucketRegistry.Claim claim) {
        try {
            registry.drop(bucket, hold);
            if (claim == BucketRegistry.Claim.CLAIMED) {
                registry.forgetUnlessHeld(bucket);
            }
        } catch (SwiftException failure) {
            LOG.warn("could not release the registry claim on {} after a failed create: {}", bucket,
                    failure.getMessage());
        }
    }

    private interface RegistryCall<T> {
        T run() throws SwiftException;
    }

    private static <T> T registry(RegistryCall<T> call) {
        try {
            return call.run();
        } catch (SwiftException failure) {
            throw BucketPresence.registryFailure(failure);
        }
    }

    private static Optional<CreateBucketConfiguration> readConfiguration(S3Call call) {
        return ConfigurationBody.read(call, CreateBucketConfiguration.class);
    }

    private BucketRegistry.Claim claim(String bucket, String account) {
        return registry(() -> registry.claim(bucket, account));
    }
}
