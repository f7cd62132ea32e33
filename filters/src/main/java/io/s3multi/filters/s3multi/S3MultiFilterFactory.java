package io.s3multi.filters.s3multi;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;

import java.time.Clock;

/**
 * Creates {@link S3MultiFilter} for the stage {@code s3multi}, which acts on the identity the auth stages attached
 * and answers before s3api would.
 */
public final class S3MultiFilterFactory extends DeclaredFilterFactory {

    public S3MultiFilterFactory() {
        super(S3MultiConfig.SETTINGS, Placement.anywhere().after("tempauth", "s3token").before("s3api"),
                settings -> new S3MultiFilter(S3MultiConfig.from(settings), settings.storageDomains(),
                        Clock.systemUTC()));
    }
}
