package io.s3multi.filters.proxylogging;

import io.s3multi.filters.pipeline.DeclaredFilterFactory;
import io.s3multi.filters.pipeline.Placement;
import java.time.Clock;

/** Creates {@link ProxyLoggingFilter} for the stage {@code proxy_logging}. */
public final class ProxyLoggingFilterFactory extends DeclaredFilterFactory {

    public ProxyLoggingFilterFactory() {
        super(ProxyLoggingConfig.SETTINGS, Placement.anywhere(),
                settings -> new ProxyLoggingFilter(ProxyLoggingConfig.from(settings), Clock.systemUTC()));
    }
}
