package io.s3multi.filters.s3multi;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
import jakarta.servlet.Filter;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates {@link S3MultiFilter} for the stage {@code s3multi}. */
public final class S3MultiFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "s3multi";
    }

    @Override
    public Map<String, String> defaults() {
        var defaults = new LinkedHashMap<String, String>();
        defaults.put(S3MultiConfig.MIN_PART_SIZE, "5242880");
        defaults.put(S3MultiConfig.MAX_PARTS, "10000");
        defaults.put(S3MultiConfig.MAX_PARTS_LISTING, "1000");
        defaults.put(S3MultiConfig.MAX_UPLOADS_LISTING, "1000");
        defaults.put(S3MultiConfig.HEARTBEAT_INTERVAL, "10");
        defaults.put(S3MultiConfig.CLAIM_TIMEOUT, "8");
        defaults.put(S3MultiConfig.MAX_MANIFEST_SEGMENTS, "0");
        defaults.put(S3MultiConfig.SWIFT_URL, "http://127.0.0.1:8081");
        return defaults;
    }

    /** It acts on the identity the auth stages attached, and answers before s3api would. */
    @Override
    public Placement placement() {
        return Placement.anywhere().after("tempauth", "s3token").before("s3api");
    }

    @Override
    public Filter create(FilterSettings settings) {
        return new S3MultiFilter(S3MultiConfig.from(settings), settings.storageDomains(), Clock.systemUTC());
    }
}
