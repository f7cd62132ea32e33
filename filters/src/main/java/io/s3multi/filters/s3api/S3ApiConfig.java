package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.DeclaredSettings;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import io.s3multi.s3.operation.S3ApiSettings;
import java.net.URI;

/**
 * The s3api stage's settings, declared once, and how they are read into the handlers' {@link S3ApiSettings}.
 */
final class S3ApiConfig {

    static final Setting<Integer> MAX_BUCKET_LISTING = Setting.integer("max_bucket_listing", "1000", 1, 10_000,
            "Most keys one ListObjects page returns (max-keys is capped to it).");
    static final Setting<Integer> MAX_MULTI_DELETE_OBJECTS = Setting.integer("max_multi_delete_objects", "1000", 1,
            10_000, "Most keys one DeleteObjects request may name.");
    static final Setting<String> BUCKET_REGISTRY_USER = Setting.text("bucket_registry_user", "", "The Swift"
            + " tempauth user <account>:<user> of the gateway's bucket registry, which keeps S3 bucket names unique"
            + " across Swift accounts (BucketAlreadyExists, AccessDenied for another account's bucket); it creates"
            + " a container per bucket name in an account of its own. Empty: no registry.");
    static final Setting<String> BUCKET_REGISTRY_KEY = Setting.text("bucket_registry_key", "", "That user's key:"
            + " a secret that no configuration ships (set it in the file or as -Ds3multi.filter.s3api."
            + "bucket_registry_key=...).");
    static final Setting<Integer> LIFECYCLE_CACHE_TTL = Setting.integer("lifecycle_cache_ttl", "10", 0, 3600, "Seconds a"
            + " bucket's lifecycle configuration (and its absence) is kept for the x-amz-expiration and x-amz-abort-*"
            + " headers before it is read again (0: read for every answer that shows them); a change made through"
            + " another gateway shows in these headers within this time plus access_cache_ttl (whether the bucket's"
            + " record holds a configuration comes with what authorization keeps).");
    static final Setting<Integer> ACCESS_CACHE_TTL = Setting.integer("access_cache_ttl", "5", 0, 3600, "Seconds a"
            + " bucket's owner, ACL, policy, public access block and ownership controls are kept for authorizing"
            + " requests before they are read again from the bucket registry (0: read for every request). A change"
            + " made through another gateway takes effect there within this time: it is how long a revoked grant or"
            + " a new Deny can still go unseen. The gateway that makes a change sees it at once.");
    /** The Swift proxy that holds the bucket registry's account (the same Swift the users' accounts are in). */
    static final Setting<URI> SWIFT_URL = Setting.swiftUrl("The Swift proxy that holds the registry's account.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("s3api", "The S3 API (service, bucket and"
            + " object operations) over the identity's Swift account.", MAX_BUCKET_LISTING, MAX_MULTI_DELETE_OBJECTS,
            BUCKET_REGISTRY_USER, BUCKET_REGISTRY_KEY, LIFECYCLE_CACHE_TTL, ACCESS_CACHE_TTL, SWIFT_URL, WorkerConfig.WORKER,
            WorkerConfig.WORKER_INTERVAL, WorkerConfig.WORKER_LEASE, WorkerConfig.WORKER_SWIFT_SHARE,
            WorkerConfig.LIFECYCLE_DAY, SweepConfig.SWEEP_GRACE, SweepConfig.SWEEP_INTERVAL);

    private S3ApiConfig() {
    }

    static S3ApiSettings from(FilterSettings settings) {
        String registryUser = BUCKET_REGISTRY_USER.read(settings);
        String registryKey = BUCKET_REGISTRY_KEY.read(settings);
        String userKey = settings.key(BUCKET_REGISTRY_USER.name());
        String keyKey = settings.key(BUCKET_REGISTRY_KEY.name());
        if (!registryUser.isEmpty() && registryKey.isEmpty()) {
            throw new IllegalArgumentException(userKey + " = " + registryUser + " needs its Swift key in " + keyKey
                    + ", which no configuration ships: set it in the configuration file or as -Ds3multi." + keyKey
                    + "=<key> (or leave both empty for no bucket registry)");
        }
        if (registryUser.isEmpty() && !registryKey.isEmpty()) {
            throw new IllegalArgumentException(keyKey + " is set without " + userKey + ": set both or neither");
        }
        if (!registryUser.isEmpty() && registryUser.indexOf(':') <= 0) {
            throw new IllegalArgumentException(userKey + " = '" + registryUser + "': write <account>:<user>");
        }
        return new S3ApiSettings(settings.region(), MAX_BUCKET_LISTING.read(settings),
                MAX_MULTI_DELETE_OBJECTS.read(settings), registryUser, registryKey);
    }
}
