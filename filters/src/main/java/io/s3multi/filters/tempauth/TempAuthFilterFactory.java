package io.s3multi.filters.tempauth;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Creates {@link TempAuthFilter} for the stage {@code tempauth}. */
public final class TempAuthFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "tempauth";
    }

    @Override
    public Map<String, String> defaults() {
        var defaults = new LinkedHashMap<String, String>();
        defaults.put(TempAuthConfig.SWIFT_URL, "http://127.0.0.1:8081");
        defaults.put(TempAuthConfig.ALLOWABLE_CLOCK_SKEW, "900");
        defaults.put(TempAuthConfig.RESELLER_PREFIX, "AUTH_");
        return defaults;
    }

    @Override
    public Set<String> settingPrefixes() {
        return Set.of(TempAuthConfig.USER_PREFIX, TempAuthConfig.USER64_PREFIX);
    }

    /** Identity first: the S3 stages act on what an auth stage attached. */
    @Override
    public Placement placement() {
        return Placement.anywhere().before("s3multi", "s3api");
    }

    @Override
    public Filter create(FilterSettings settings) {
        return new TempAuthFilter(TempAuthConfig.from(settings), settings.storageDomains(), settings.region(),
                Clock.systemUTC());
    }
}
