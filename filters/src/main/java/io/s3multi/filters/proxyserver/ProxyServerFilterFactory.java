package io.s3multi.filters.proxyserver;

import io.s3multi.filters.pipeline.FilterFactory;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Placement;
import jakarta.servlet.Filter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates {@link ProxyServerFilter} for the stage {@code proxy_server}. */
public final class ProxyServerFilterFactory implements FilterFactory {

    @Override
    public String name() {
        return "proxy_server";
    }

    @Override
    public Map<String, String> defaults() {
        var defaults = new LinkedHashMap<String, String>();
        defaults.put(ProxyServerConfig.SWIFT_URL, "http://127.0.0.1:8081");
        defaults.put(ProxyServerConfig.CONNECT_TIMEOUT, "5");
        defaults.put(ProxyServerConfig.IDLE_TIMEOUT, "60");
        defaults.put(ProxyServerConfig.MAX_CONNECTIONS, "64");
        defaults.put(ProxyServerConfig.MAX_QUEUED_REQUESTS, "128");
        return defaults;
    }

    /** The terminal stage: it answers everything that reaches it, so nothing can follow it. */
    @Override
    public Placement placement() {
        return Placement.last().required();
    }

    @Override
    public Filter create(FilterSettings settings) {
        return new ProxyServerFilter(ProxyServerConfig.from(settings));
    }
}
