package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.s3.handler.S3ApiSettings;

/**
 * Reads the s3api stage's settings into the handlers' {@link S3ApiSettings}.
 */
final class S3ApiConfig {

    static final String MAX_BUCKET_LISTING = "max_bucket_listing";
    static final String MAX_MULTI_DELETE_OBJECTS = "max_multi_delete_objects";
    static final String BUCKET_REGISTRY_USER = "bucket_registry_user";
    static final String BUCKET_REGISTRY_KEY = "bucket_registry_key";
    /** The Swift proxy that holds the bucket registry's account (the same Swift the users' accounts are in). */
    static final String SWIFT_URL = "swift_url";

    private S3ApiConfig() {
    }

    static S3ApiSettings from(FilterSettings settings) {
        String registryUser = settings.text(BUCKET_REGISTRY_USER);
        String registryKey = settings.text(BUCKET_REGISTRY_KEY);
        if (!registryUser.isEmpty() && registryKey.isEmpty()) {
            throw new IllegalArgumentException(settings.key(BUCKET_REGISTRY_USER) + " = " + registryUser
                    + " needs its Swift key in " + settings.key(BUCKET_REGISTRY_KEY) + ", which no configuration"
                    + " ships: set it in the configuration file or as -Ds3multi." + settings.key(BUCKET_REGISTRY_KEY)
                    + "=<key> (or leave both empty for no bucket registry)");
        }
        if (registryUser.isEmpty() && !registryKey.isEmpty()) {
            throw new IllegalArgumentException(settings.key(BUCKET_REGISTRY_KEY) + " is set without "
                    + settings.key(BUCKET_REGISTRY_USER) + ": set both or neither");
        }
        if (!registryUser.isEmpty() && registryUser.indexOf(':') <= 0) {
            throw new IllegalArgumentException(settings.key(BUCKET_REGISTRY_USER) + " = '" + registryUser
                    + "': write <account>:<user>");
        }
        return new S3ApiSettings(settings.region(),
                settings.integer(MAX_BUCKET_LISTING, 1, 10_000),
                settings.integer(MAX_MULTI_DELETE_OBJECTS, 1, 10_000),
                registryUser, registryKey);
    }
}
