package io.s3multi.filters.s3token;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;
import java.time.Clock;

/**
 * Creates {@link S3TokenFilter} for the stage {@code s3token}. Identity first: the S3 stages act on what an auth
 * stage attached.
 */
public final class S3TokenFilterFactory extends DeclaredFilterFactory {

    public S3TokenFilterFactory() {
        super(S3TokenConfig.SETTINGS, Placement.anywhere().before("s3multi", "s3api"), settings -> new S3TokenFilter(
                S3TokenConfig.from(settings), settings.storageDomains(), settings.region(), Clock.systemUTC()));
    }
}
