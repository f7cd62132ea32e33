package io.s3multi.filters.catcherrors;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.Map;

/** Creates {@link CatchErrorsFilter} for the stage {@code catch_errors}. */
public final class CatchErrorsFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "catch_errors";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of(CatchErrorsConfig.TRANS_ID_SUFFIX, "");
    }

    /** Outermost, so it names every request and catches what any other stage lets escape. */
    @Override
    public Placement placement() {
        return Placement.first();
    }

    @Override
    public Filter create(FilterSettings settings) {
        return new CatchErrorsFilter(CatchErrorsConfig.from(settings), Clock.systemUTC(), settings.storageDomains());
    }
}
