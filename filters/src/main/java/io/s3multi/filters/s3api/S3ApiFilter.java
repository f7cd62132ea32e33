package io.s3multi.filters.s3api;

import io.s3multi.filters.s3.S3Edge;
import io.s3multi.filters.s3.SharedAccess;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3Operation;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The S3 API: answers every S3 request that reaches it, by way of
 * {@link io.s3multi.s3.handler.S3ApiDispatcher}; native Swift requests pass on to proxy_server untouched.
 *
 * <p>The edge work is {@link S3Edge}'s, shared with s3multi: the request must be valid S3 and vouched for by an
 * auth stage, it is classified and dispatched, and the answer is written, or the failure rendered as an S3
 * {@code <Error>} (cut off, and logged once, when the answer was already committed).
 *
 * <p><b>Position:</b> after the auth stages (tempauth, s3token) and s3multi; before proxy_server.
 *
 * <p><b>Settings</b> ({@code filter.s3api.*}): declared once, with defaults and meanings, in
 * {@link S3ApiConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 * The top-level {@code storage_domain} enables virtual-host style requests; the top-level {@code region} is every
 * bucket's location (GetBucketLocation, the one {@code LocationConstraint} CreateBucket accepts).
 *
 * <p><b>Request attributes:</b> those of {@link S3Edge}.
 */
public final class S3ApiFilter implements Filter {

    private volatile BiFunction<S3Operation, S3Call, S3Response> dispatcher;
    private final S3ApiRegistryBinding registry;
    private final S3Edge edge;
    private volatile ServletContext context;

    /**
     * @param dispatcher     runs one operation (normally {@code S3ApiDispatcher::dispatch})
     * @param storageDomains the pipeline's {@code storage_domain}s
     */
    public S3ApiFilter(BiFunction<S3Operation, S3Call, S3Response> dispatcher, List<String> storageDomains,
            Clock clock) {
        this(dispatcher, null, storageDomains, clock);
    }

    /**
     * The stage as configured: its dispatcher, with the bucket registry the settings name, is built in
     * {@link #init} (the registry's Swift backend is shared through the servlet context).
     */
    S3ApiFilter(S3ApiRegistryBinding registry, List<String> storageDomains, Clock clock) {
        this(null, registry, storageDomains, clock);
    }

    private S3ApiFilter(BiFunction<S3Operation, S3Call, S3Response> dispatcher, S3ApiRegistryBinding registry,
            List<String> storageDomains, Clock clock) {
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.edge = new S3Edge((operation, call) -> this.dispatcher.apply(operation, call), storageDomains, clock);
    }

    /**
     * How many Swift requests authorizing S3 requests has cost in this pipeline (reading buckets' owners and access
     * documents, objects' ACLs), for tests and monitoring.
     */
    public long authorizationSwiftRequests() {
        return SharedAccess.in(context).authorizer().swiftRequests();
    }

    @Override
    public void init(FilterConfig filterConfig) {
        context = filterConfig.getServletContext();
        if (registry != null) {
            dispatcher = registry.bind(filterConfig.getServletContext())::dispatch;
        }
    }

    @Override
    public void destroy() {
        if (registry != null) {
            registry.unbind();
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        edge.answerOrPass(req, res, next, everyS3Request -> true);
    }
}
