package io.s3multi.filters.tus;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;
import java.time.Clock;

/**
 * Creates {@link TusFilter} for the stage {@code tus}: after the auth stages (the creation POST is authenticated
 * by them), before the S3 stages (its path would look like a bucket to them).
 */
public final class TusFilterFactory extends DeclaredFilterFactory {

    public TusFilterFactory() {
        super(TusConfig.SETTINGS, Placement.anywhere().after("tempauth", "s3token").before("s3multi", "s3api"),
                settings -> new TusFilter(TusConfig.from(settings), settings.serviceIdentity(), Clock.systemUTC()));
    }
}
