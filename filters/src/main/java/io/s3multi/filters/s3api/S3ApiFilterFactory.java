package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
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
        defaults.put(S3ApiConfig.MAX_BUCKET_LISTING, "1000");
        defaults.put(S3ApiConfig.MAX_MULTI_DELETE_OBJECTS, "1000");
        defaults.put(S3ApiConfig.BUCKET_REGISTRY_USER, "");
        defaults.put(S3ApiConfig.BUCKET_REGISTRY_KEY, "");
        defaults.put(S3ApiConfig.SWIFT_URL, "http://127.0.0.1:8081");
        return defaults;
    }

    /** It acts on the identity the auth stages attached. */
    @Override
    public Placement placement() {
        return Placement.anywhere().after("tempauth", "s3token");
    }

    @Override
    public Filter create(FilterSettings settings) {
        var registry = new S3ApiRegistryBinding(S3ApiConfig.from(settings), settings.httpUrl(S3ApiConfig.SWIFT_URL));
        return new S3ApiFilter(registry, settings.storageDomains(), Clock.systemUTC());
    }
}
