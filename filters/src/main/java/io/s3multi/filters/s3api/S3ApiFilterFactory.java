package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
import io.s3multi.s3.operation.S3ApiSettings;
import java.time.Clock;
import java.time.Duration;

/**
 * Creates {@link S3ApiFilter} for the stage {@code s3api}, which acts on the identity the auth stages attached.
 */
public final class S3ApiFilterFactory extends DeclaredFilterFactory {

    public S3ApiFilterFactory() {
        super(S3ApiConfig.SETTINGS, Placement.anywhere().after("tempauth", "s3token"), S3ApiFilterFactory::configured);
    }

    private static S3ApiFilter configured(FilterSettings settings) {
        S3ApiSettings api = S3ApiConfig.from(settings);
        return new S3ApiFilter(new S3ApiRegistryBinding(api, settings.swiftUrl(S3ApiConfig.SWIFT_URL),
                BackgroundWorkBinding.of(settings, api), Duration.ofSeconds(S3ApiConfig.LIFECYCLE_CACHE_TTL.read(settings)),
                WorkerConfig.LIFECYCLE_DAY.read(settings), Duration.ofSeconds(S3ApiConfig.ACCESS_CACHE_TTL.read(settings)),
                settings.serviceIdentity()), settings.storageDomains(), Clock.systemUTC());
    }
}
