package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.multipart.SegmentFreeBuckets;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.version.BucketVersioning;
import io.s3multi.s3.xml.documents.VersioningConfiguration;
import java.util.Objects;

/**
 * GetBucketVersioning and PutBucketVersioning on the container's {@code X-Versions-Enabled} (Swift's object
 * versioning; see docs/VERSIONING.md and {@link BucketVersioning}).
 *
 * <p>Only the bucket's container is switched; {@code <bucket>_segments} is never versioned (its segments are
 * named by manifests, which are versioned themselves). MFA delete is refused: the gateway has no MFA devices to
 * check an {@code x-amz-mfa} code against, so it answers as AWS answers a request without a valid one. A bucket with
 * Object Lock cannot be suspended ({@code InvalidBucketState}, as AWS).
 */
public final class BucketVersioningConfig {

    private static final String MFA_ENABLED = "Enabled";
    private static final String MFA_DISABLED = "Disabled";

    private final BucketPresence presence;

    public BucketVersioningConfig(BucketPresence presence) {
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    /** The state the container shows; no {@code Status} for a bucket never versioned. */
    public S3Response get(S3Call call) {
        BucketVersioning state = BucketVersioning.of(presence.require(call).headers());
        return S3Response.xml(new VersioningConfiguration(state.s3Status().orElse(null)));
    }

    /** Enabled or Suspended, by a container POST; the body is checked before the bucket is looked at. */
    public S3Response put(S3Call call) {
        VersioningConfiguration configuration = ConfigurationBody.read(call, VersioningConfiguration.class)
                .orElseThrow(S3Exception::missingRequestBody);
        String mfaDelete = configuration.mfaDelete();
        if (mfaDelete != null && !mfaDelete.equals(MFA_ENABLED) && !mfaDelete.equals(MFA_DISABLED)) {
            throw S3Exception.malformedXml().withReason("versioning.mfaDelete");
        }
        if (MFA_ENABLED.equals(mfaDelete)) {
            throw S3Exception.accessDenied("Mfa Authentication must be used for this request")
                    .withReason("versioning.mfaDelete");
        }
        if (configuration.status() == null && mfaDelete != null) {
            presence.require(call);   // MfaDelete Disabled alone changes nothing
            return S3Response.status(200);
        }
        BucketVersioning wanted = BucketVersioning.fromS3Status(configuration.status());
        BucketObjectLock.requireSuspendable(call, wanted);
        presence.onBucket(call, () -> call.swift().containers().post(call.bucket(), wanted.swiftHeaders()));
        SegmentFreeBuckets.SHARED.forget(call.swift(), call.bucket());   // its writes now keep versions
        return S3Response.status(200);
    }
}
