package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;
import java.time.Clock;
import java.time.Duration;

/**
 * Creates {@link S3ApiFilter} for the stage {@code s3api}, which acts on the identity the auth stages attached.
 */
public final class S3ApiFilterFactory extends DeclaredFilterFactory {

    public S3ApiFilterFactory() {
        super(S3ApiConfig.SETTINGS, Placement.anywhere().after("tempauth", "s3token"), settings -> new S3ApiFilter(
                new S3ApiRegistryBinding(S3ApiConfig.from(settings), settings.swiftUrl(S3ApiConfig.SWIFT_URL),
                        Duration.ofSeconds(S3ApiConfig.LIFECYCLE_CACHE_TTL.read(settings))),
                settings.storageDomains(), Clock.systemUTC()));
    }
}
