package io.s3multi.filters.tempauth;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;
import java.time.Clock;

/**
 * Creates {@link TempAuthFilter} for the stage {@code tempauth}. Identity first: the S3 stages act on what an auth
 * stage attached.
 */
public final class TempAuthFilterFactory extends DeclaredFilterFactory {

    public TempAuthFilterFactory() {
        super(TempAuthConfig.SETTINGS, Placement.anywhere().before("s3multi", "s3api"), settings -> new TempAuthFilter(
                TempAuthConfig.from(settings), settings.storageDomains(), settings.region(), Clock.systemUTC()));
    }
}
