package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.S3ApiSettings;
import io.s3multi.s3.handler.S3Call;
import io.s3multi.s3.handler.S3Response;
import io.s3multi.s3.handler.SwiftStatusMapper;
import io.s3multi.s3.xml.documents.CreateBucketConfiguration;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
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
 *   <li>{@code x-amz-acl: private} (the default) is accepted; other canned ACLs, {@code x-amz-grant-*} and object
 *       lock are {@code NotImplemented}: the gateway never pretends a bucket is public when it is not.</li>
 *   <li>A name another account holds is {@code BucketAlreadyExists}, and no container is created. A name the
 *       caller's account already has as a container (Swift answers 202 to the PUT) is
 *       {@code BucketAlreadyOwnedByYou} (409, as AWS answers outside us-east-1's legacy mode, where it would be
 *       200; a 409 tells scripts the truth).</li>
 *   <li>If the container cannot be created after a fresh claim, the claim is released, unless another request
 *       of the same account relies on it; a creator that succeeded makes sure its record is still there
 *       (see {@link #releaseUnlessCreated}).</li>
 * </ul>
 * The answer is 200 with {@code Location: /bucket}.
 */
public final class BucketCreation {

    private static final Logger LOG = LoggerFactory.getLogger(BucketCreation.class);

    private final S3ApiSettings settings;
    private final BucketRegistry registry;

    public BucketCreation(S3ApiSettings settings, BucketRegistry registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public S3Response createBucket(S3Call call) {
        String bucket = call.bucket();
        BucketAcls.requireNoAclBeyondPrivate(call);
        if ("true".equalsIgnoreCase(call.request().header("x-amz-bucket-object-lock-enabled"))) {
            throw S3Exception.notImplementedHeader("x-amz-bucket-object-lock-enabled");
        }
        readConfiguration(call).map(CreateBucketConfiguration::locationConstraint)
                .filter(constraint -> !constraint.isBlank())
                .filter(constraint -> !constraint.strip().equals(settings.location()))
                .ifPresent(constraint -> {
                    throw S3Exception.invalidLocationConstraint(constraint);
                });

        String account = call.identity().swiftAccount();
        BucketRegistry.Claim claim = claim(bucket, account);
        if (claim == BucketRegistry.Claim.TAKEN) {
            throw S3Exception.bucketAlreadyExists(bucket);
        }
        SwiftReply created;
        try {
            created = call.swift().containers().create(bucket, SwiftHeaders.empty());
        } catch (SwiftException failure) {
            if (claim == BucketRegistry.Claim.CLAIMED) {
                releaseUnlessCreated(call, bucket, account);
            }
            throw SwiftStatusMapper.toS3(failure, SwiftStatusMapper.Target.bucket(bucket));
        }
        if (created.status() == 202) {
            throw S3Exception.bucketAlreadyOwnedByYou(bucket);
        }
        requireStillRecorded(call, bucket, account);
        return S3Response.status(200).withHeader("Location", "/" + bucket);
    }

    /**
     * Several requests of one account may hold one claim: the first got it (CLAIMED), the others found it theirs
     * already (ALREADY_YOURS). When the first fails to create the container (a user without the right to create
     * containers, say) while another succeeds, releasing the claim would leave a bucket whose name any account
     * could take. So the releaser deletes the record and then looks: if the container exists, or the caller may
     * not even see whether it does, the claim is made again.
     */
    private void releaseUnlessCreated(S3Call call, String bucket, String account) {
        try {
            registry.release(bucket, account);
            if (!containerMissing(call, bucket)) {
                registry.claim(bucket, account);
            }
        } catch (SwiftException failure) {
            LOG.warn("could not release the registry claim on {} for {} after a failed create: {}", bucket, account,
                    failure.getMessage());
        }
    }

    private static boolean containerMissing(S3Call call, String bucket) {
        try {
            call.swift().containers().head(bucket);
            return false;
        } catch (SwiftException failure) {
            return failure instanceof SwiftHttpStatusException status && status.status() == 404;
        }
    }

    /**
     * The other half of {@link #releaseUnlessCreated}: a creator that succeeded checks that its record survived a
     * failed peer's release, and claims the name again if it did not. Should another account have taken the name
     * in that moment, the container just made (still empty) is deleted again and the name is theirs.
     */
    private void requireStillRecorded(S3Call call, String bucket, String account) {
        try {
            if (registry.ownerOf(bucket).filter(account::equals).isPresent()
                    || registry.claim(bucket, account) != BucketRegistry.Claim.TAKEN) {
                return;
            }
        } catch (SwiftException failure) {
            throw BucketPresence.registryFailure(failure);
        }
        try {
            call.swift().containers().delete(bucket);
        } catch (SwiftException failure) {
            LOG.warn("{} lost the name {} to another account after creating its container, which it could not"
                    + " delete: {}", account, bucket, failure.getMessage());
        }
        throw S3Exception.bucketAlreadyExists(bucket);
    }

    private static Optional<CreateBucketConfiguration> readConfiguration(S3Call call) {
        return ConfigurationBody.read(call, CreateBucketConfiguration.class);
    }

    private BucketRegistry.Claim claim(String bucket, String account) {
        try {
            return registry.claim(bucket, account);
        } catch (SwiftException failure) {
            throw BucketPresence.registryFailure(failure);
        }
    }

}
