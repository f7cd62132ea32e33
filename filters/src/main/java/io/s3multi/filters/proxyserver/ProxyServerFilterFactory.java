package io.s3multi.filters.proxyserver;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;

/**
 * Creates {@link ProxyServerFilter} for the stage {@code proxy_server}: the terminal stage, which answers
 * everything that reaches it, so nothing can follow it.
 */
public final class ProxyServerFilterFactory extends DeclaredFilterFactory {

    public ProxyServerFilterFactory() {
        super(ProxyServerConfig.SETTINGS, Placement.last().required(),
                settings -> new ProxyServerFilter(ProxyServerConfig.from(settings)));
    }
}
