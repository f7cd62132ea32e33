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
    /** The Swift proxy that holds the bucket registry's account (the same Swift the users' accounts are in). */
    static final Setting<URI> SWIFT_URL = Setting.swiftUrl("The Swift proxy that holds the registry's account.");

    static final DeclaredSettings SETTINGS = DeclaredSettings.stage("s3api", "The S3 API (service, bucket and"
            + " object operations) over the identity's Swift account.", MAX_BUCKET_LISTING, MAX_MULTI_DELETE_OBJECTS,
            BUCKET_REGISTRY_USER, BUCKET_REGISTRY_KEY, SWIFT_URL, SweepConfig.SWEEP_GRACE, SweepConfig.SWEEP_INTERVAL);

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
