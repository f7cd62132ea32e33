package io.s3multi.filters.healthcheck;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import jakarta.servlet.Filter;
import java.util.Map;

/** Creates {@link HealthcheckFilter} for the stage {@code healthcheck}. */
public final class HealthcheckFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "healthcheck";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of(HealthcheckConfig.DISABLE_PATH, "");
    }

    @Override
    public Filter create(FilterSettings settings) {
        return new HealthcheckFilter(HealthcheckConfig.from(settings));
    }
}
