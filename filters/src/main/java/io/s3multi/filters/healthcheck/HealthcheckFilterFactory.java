package io.s3multi.filters.healthcheck;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;

/** Creates {@link HealthcheckFilter} for the stage {@code healthcheck}. */
public final class HealthcheckFilterFactory extends DeclaredFilterFactory {

    public HealthcheckFilterFactory() {
        super(HealthcheckConfig.SETTINGS, Placement.anywhere(),
                settings -> new HealthcheckFilter(HealthcheckConfig.from(settings)));
    }
}
