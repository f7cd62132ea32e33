package io.s3multi.filters.catcherrors;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;
import java.time.Clock;

/**
 * Creates {@link CatchErrorsFilter} for the stage {@code catch_errors}: outermost, so it names every request and
 * catches what any other stage lets escape.
 */
public final class CatchErrorsFilterFactory extends DeclaredFilterFactory {

    public CatchErrorsFilterFactory() {
        super(CatchErrorsConfig.SETTINGS, Placement.first(), settings -> new CatchErrorsFilter(
                CatchErrorsConfig.from(settings), Clock.systemUTC(), settings.storageDomains()));
    }
}
