package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.contract.BucketLockConfiguration;
import io.s3multi.s3.contract.RetentionMode;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.lock.BucketLocks;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.version.BucketVersioning;
import io.s3multi.s3.xml.documents.ObjectLockDocuments;
import java.util.Objects;

/**
 * Get/PutObjectLockConfiguration on the bucket container's {@link BucketLockConfiguration} (docs/OBJECT-LOCK.md).
 *
 * <ul>
 *   <li>Put: {@code ObjectLockEnabled} must be {@code Enabled}; a {@code Rule} must hold a {@code DefaultRetention}
 *       with a {@code Mode} ({@code GOVERNANCE}/{@code COMPLIANCE}) and exactly one of {@code Days} and
 *       {@code Years}: otherwise {@code MalformedXML}, as AWS answers; a period that is not a positive integer is
 *       {@code InvalidArgument}. Object Lock may be enabled on an existing bucket whose versioning is
 *       {@code Enabled} (AWS allows it since 2023); on one never versioned or suspended it is
 *       {@code InvalidBucketState}. A configuration without {@code Rule} removes the default retention.</li>
 *   <li>Get: the configuration; {@code ObjectLockConfigurationNotFoundError} on a bucket without Object Lock.</li>
 *   <li>PutBucketVersioning cannot suspend versioning of a bucket with Object Lock ({@link #requireSuspendable}).</li>
 * </ul>
 */
public final class BucketObjectLock {

    private static final String ENABLED = "Enabled";
    /** AWS's upper bounds for a default retention. */
    private static final int MAX_DAYS = 36_500;
    private static final int MAX_YEARS = 100;

    private final BucketPresence presence;

    public BucketObjectLock(BucketPresence presence) {
        this.presence = Objects.requireNonNull(presence, "presence");
    }

    public S3Response get(S3Call call) {
        BucketLockConfiguration configuration = BucketLocks.remember(call,
                BucketLockConfiguration.of(presence.require(call).headers()));
        if (!configuration.enabled()) {
            throw S3Exception.of(S3ErrorCode.OBJECT_LOCK_CONFIGURATION_NOT_FOUND);
        }
        var answer = new ObjectLockDocuments.Configuration();
        answer.objectLockEnabled = ENABLED;
        if (configuration.defaultMode() != null) {
            var retention = new ObjectLockDocuments.DefaultRetention();
            retention.mode = configuration.defaultMode().name();
            retention.days = configuration.days() > 0 ? Integer.toString(configuration.days()) : null;
            retention.years = configuration.years() > 0 ? Integer.toString(configuration.years()) : null;
            answer.rule = new ObjectLockDocuments.Rule();
            answer.rule.defaultRetention = retention;
        }
        return S3Response.xml(answer);
    }

    /** 200 with no body; the body is checked before the bucket is looked at. */
    public S3Response put(S3Call call) {
        BucketLockConfiguration wanted = parse(ConfigurationBody.read(call, ObjectLockDocuments.Configuration.class)
                .orElseThrow(S3Exception::missingRequestBody));
        var container = presence.require(call).headers();
        if (!BucketLockConfiguration.of(container).enabled()
                && BucketVersioning.of(container) != BucketVersioning.ENABLED) {
            throw S3Exception.of(S3ErrorCode.INVALID_BUCKET_STATE,
                    "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
        }
        presence.onBucket(call, () -> call.swift().containers().post(call.bucket(), wanted.containerHeaders()));
        BucketLocks.remember(call, wanted);
        return S3Response.status(200);
    }

    /**
     * Refuses to suspend versioning of a bucket with Object Lock, as AWS does: a suspended bucket would overwrite
     * and delete locked versions.
     */
    static void requireSuspendable(S3Call call, BucketVersioning wanted) {
        if (wanted == BucketVersioning.SUSPENDED && BucketLocks.fresh(call).enabled()) {
            throw S3Exception.of(S3ErrorCode.INVALID_BUCKET_STATE,
                    "An Object Lock configuration is present on this bucket, so the versioning state cannot be"
                            + " changed.");
        }
    }

    private static BucketLockConfiguration parse(ObjectLockDocuments.Configuration document) {
        if (!ENABLED.equals(document.objectLockEnabled)) {
            throw S3Exception.malformedXml().withReason("objectLock.enabled");
        }
        if (document.rule == null) {
            return BucketLockConfiguration.ENABLED;
        }
        ObjectLockDocuments.DefaultRetention retention = document.rule.defaultRetention;
        if (retention == null || retention.mode == null || (retention.days == null) == (retention.years == null)) {
            throw S3Exception.malformedXml().withReason("objectLock.rule");
        }
        RetentionMode mode = RetentionMode.parse(retention.mode)
                .orElseThrow(() -> S3Exception.malformedXml().withReason("objectLock.mode"));
        return retention.days != null
                ? new BucketLockConfiguration(true, mode, period("Days", retention.days, MAX_DAYS), 0)
                : new BucketLockConfiguration(true, mode, 0, period("Years", retention.years, MAX_YEARS));
    }

    private static int period(String name, String value, int max) {
        int amount;
        try {
            amount = Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw S3Exception.malformedXml().withReason("objectLock.period");
        }
        if (amount <= 0 || amount > max) {
            throw S3Exception.invalidArgument(name, value, amount <= 0
                    ? "Default retention period must be a positive integer value."
                    : "Default retention period is too large.");
        }
        return amount;
    }
}
