package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
import io.s3multi.s3.handler.S3ApiDispatcher;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates {@link S3ApiFilter} for the stage {@code s3api}. */
public final class S3ApiFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "s3api";
    }

    @Override
    public Map<String, String> defaults() {
        var defaults = new LinkedHashMap<String, String>();
        defaults.put(S3ApiConfig.LOCATION, "us-east-1");
        defaults.put(S3ApiConfig.MAX_BUCKET_LISTING, "1000");
        defaults.put(S3ApiConfig.MAX_MULTI_DELETE_OBJECTS, "1000");
        defaults.put(S3ApiConfig.BUCKET_REGISTRY_USER, "");
        defaults.put(S3ApiConfig.BUCKET_REGISTRY_KEY, "");
        return defaults;
    }

    /** It acts on the identity the auth stages attached. */
    @Override
    public Placement placement() {
        return Placement.anywhere().after("tempauth", "s3token");
    }

    @Override
    public Filter create(FilterSettings settings) {
        var dispatcher = new S3ApiDispatcher(S3ApiConfig.from(settings));
        return new S3ApiFilter(dispatcher::dispatch, settings.storageDomains(), Clock.systemUTC());
    }
}
