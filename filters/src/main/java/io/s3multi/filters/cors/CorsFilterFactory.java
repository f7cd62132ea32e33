package io.s3multi.filters.cors;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;
import java.time.Clock;

/**
 * Creates {@link CorsFilter} for the stage {@code cors}, which must see a preflight before an auth stage could
 * ask it for credentials, and must set its headers before any stage answers.
 */
public final class CorsFilterFactory extends DeclaredFilterFactory {

    public CorsFilterFactory() {
        super(CorsConfig.SETTINGS, Placement.anywhere().before("tempauth", "s3token", "s3multi", "s3api"),
                settings -> new CorsFilter(CorsConfig.from(settings), settings.storageDomains(), Clock.systemUTC()));
    }
}
