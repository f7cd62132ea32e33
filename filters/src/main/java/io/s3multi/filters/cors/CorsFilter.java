package io.s3multi.filters.cors;

import io.s3multi.filters.pipeline.GatewayHeaders;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.s3.RequestIds;
import io.s3multi.filters.s3.S3ErrorResponse;
import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.filters.s3.SharedBucketRegistry;
import io.s3multi.filters.tus.TusMount;
import io.s3multi.s3.cors.CorsGrant;
import io.s3multi.s3.cors.CorsLookup;
import io.s3multi.s3.cors.CorsRefusals;
import io.s3multi.s3.cors.CorsRules;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.swift.error.SwiftException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CORS for S3 buckets, evaluated by {@link CorsRules} against each bucket's configuration (PutBucketCors) or the
 * gateway's default rules.
 *
 * <ul>
 *   <li>A preflight, {@code OPTIONS} on a bucket or object URL, is answered here, without credentials and
 *       without reaching any later stage: 200 with the {@code Access-Control-*} headers of the first rule that
 *       admits {@code Origin}, {@code Access-Control-Request-Method} and every name in
 *       {@code Access-Control-Request-Headers}; {@code 403 AccessForbidden} when none does (or the bucket has no
 *       rules); {@code 400 BadRequest} without {@code Origin}, or without a request method of GET, PUT, POST,
 *       DELETE or HEAD.</li>
 *   <li>Any other S3 request with an {@code Origin} header goes on with the headers of the rule admitting its
 *       origin and method already set (with {@code Vary}); they stay on whatever answers it, an S3 error
 *       included, even one of an auth stage, which resets the response. No rule: no headers, as in AWS.</li>
 * </ul>
 *
 * <p><b>Trust.</b> A bucket's configuration is read with the bucket registry's identity (the gateway's own
 * account, where PutBucketCors keeps it, see {@code BucketCors}), never with an identity of the bucket owner's
 * account, and nothing else is read for a preflight: an unauthenticated request learns only whether its own
 * origin, method and headers are admitted, as from AWS. Without a bucket registry only the default rules apply.
 *
 * <p><b>Position:</b> before the auth stages and the S3 stages (after catch_errors and proxy_logging, so that
 * preflights are logged and carry a transaction id).
 *
 * <p><b>Settings</b> ({@code filter.cors.*}): declared once in {@link CorsConfig#SETTINGS}; listed in
 * {@code docs/CONFIGURATION.md}: {@code default_rules} (off), {@code cache_ttl} (5 s).
 *
 * <p><b>Request attributes:</b> reads and caches {@code S3Attributes.S3_EXCHANGE}; writes
 * {@link PipelineAttributes#S3_OPERATION} ({@value #PREFLIGHT}) for a preflight.
 */
public final class CorsFilter implements Filter {

    /** The operation name of a preflight in the access log (AWS logs {@code REST.OPTIONS.PREFLIGHT}). */
    static final String PREFLIGHT = "PreflightCors";

    private static final Logger LOG = LoggerFactory.getLogger(CorsFilter.class);

    private final S3RequestParser parser;
    private final CorsLookup lookup;
    private volatile ServletContext context;

    CorsFilter(CorsConfig config, List<String> storageDomains, Clock clock) {
        this.parser = new S3RequestParser(storageDomains);
        this.lookup = new CorsLookup(config.cacheTtl(), config.defaultRules(), clock);
    }

    @Override
    public void init(FilterConfig filterConfig) {
        context = filterConfig.getServletContext();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        Optional<TusMount.Target> tus = TusMount.target(context, request);
        if (tus.isPresent()) {
            tusCors(request, response, next, tus.get());
            return;
        }
        S3Exchange exchange = S3Exchange.of(request, parser);
        if (!exchange.isS3()) {
            next.doFilter(request, response);
            return;
        }
        if ("OPTIONS".equals(request.getMethod())) {
            preflight(request, response, exchange);
            return;
        }
        Optional<S3Request> s3 = exchange.requestIfValid().filter(parsed -> !parsed.isServiceRequest());
        String origin = request.getHeader("Origin");
        Optional<CorsGrant> grant = origin == null || s3.isEmpty()
                ? Optional.empty()
                : actualGrant(s3.get(), origin);
        HttpServletResponse answer = grant.isEmpty() ? response : new GrantedResponse(response, grant.get());
        Optional<String> changing = s3.filter(parsed -> parsed.hasParam("cors")).map(S3Request::bucket);
        if (changing.isEmpty()) {
            next.doFilter(request, answer);
            return;
        }
        // Forgotten when the answer's status is set, before the client can see it, and again at the end.
        try {
            next.doFilter(request, new ForgettingResponse(answer, () -> lookup.forget(changing.get())));
        } finally {
            lookup.forget(changing.get());
        }
    }

    /**
     * A tus request (see {@link TusMount}): the bucket's rules decide as for an S3 request to it, with the tus
     * method read as the S3 method it counts as; the grant adds tus's methods and exposed headers. A preflight is
     * answered here; a discovery OPTIONS (no Access-Control-Request-Method) and every other request go on to tus.
     */
    private void tusCors(HttpServletRequest request, HttpServletResponse response, FilterChain next,
            TusMount.Target tus) throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        Optional<CorsGrant> grant = origin == null || tus.bucket().isEmpty() ? Optional.empty()
                : tusGrant(tus, origin, preflight
                        ? CorsRules.headerList(request.getHeader("Access-Control-Request-Headers")) : null);
        if (preflight && origin != null) {
            PipelineAttributes.S3_OPERATION.set(request, PREFLIGHT);
            response.setStatus(grant.isPresent() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_FORBIDDEN);
            grant.ifPresent(admitted -> admitted.headers().forEach(response::setHeader));
            response.setContentLength(0);
            return;
        }
        next.doFilter(request, grant.isEmpty() ? response : new GrantedResponse(response, grant.get()));
    }

    private Optional<CorsGrant> tusGrant(TusMount.Target tus, String origin, List<String> preflightHeaders) {
        try {
            return lookup.rulesOf(tus.bucket(), SharedBucketRegistry.in(context)::cors)
                    .flatMap(rules -> preflightHeaders == null ? rules.actual(origin, tus.s3Method())
                            : rules.preflight(origin, tus.s3Method(), preflightHeaders))
                    .map(admitted -> admitted.extendedBy(TusMount.METHODS, TusMount.EXPOSED));
        } catch (SwiftException | RuntimeException unreadable) {
            LOG.warn("CORS rules of bucket {} not readable; answering tus without CORS headers: {}", tus.bucket(),
                    unreadable.toString());
            return Optional.empty();
        }
    }

    /** Runs an action when the status is set: before a change of CORS configuration is reported to the client. */
    private static final class ForgettingResponse extends HttpServletResponseWrapper {

        private final Runnable beforeStatus;

        ForgettingResponse(HttpServletResponse response, Runnable beforeStatus) {
            super(response);
            this.beforeStatus = beforeStatus;
        }

        @Override
        public void setStatus(int status) {
            beforeStatus.run();
            super.setStatus(status);
        }
    }

    private void preflight(HttpServletRequest request, HttpServletResponse response, S3Exchange exchange)
            throws IOException {
        PipelineAttributes.S3_OPERATION.set(request, PREFLIGHT);
        String requestId = RequestIds.of(request);
        try {
            CorsGrant grant = preflightGrant(request, exchange);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader(GatewayHeaders.X_AMZ_REQUEST_ID, requestId);
            grant.headers().forEach(response::setHeader);
            response.setContentLength(0);
        } catch (S3Exception refused) {
            S3ErrorResponse.send(request, response, refused, requestId);
        }
    }

    private CorsGrant preflightGrant(HttpServletRequest request, S3Exchange exchange) {
        S3Request s3 = exchange.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            throw CorsRefusals.originMissing();
        }
        String method = request.getHeader("Access-Control-Request-Method");
        if (method == null || !CorsRules.METHODS.contains(method)) {
            throw CorsRefusals.invalidRequestMethod(method);
        }
        Optional<CorsRules> rules = s3.isServiceRequest() ? Optional.empty() : rulesOf(s3);
        if (rules.isEmpty()) {
            throw CorsRefusals.notEnabled(method, s3.hasKey());
        }
        return rules.get().preflight(origin, method,
                        CorsRules.headerList(request.getHeader("Access-Control-Request-Headers")))
                .orElseThrow(() -> CorsRefusals.notAllowed(method, s3.hasKey()));
    }

    /** The grant for an actual request; when the rules cannot be read, none (the request itself goes on). */
    private Optional<CorsGrant> actualGrant(S3Request s3, String origin) {
        try {
            return rulesOf(s3).flatMap(rules -> rules.actual(origin, s3.method()));
        } catch (RuntimeException unreadable) {
            // Swift unavailable, say: the request itself may still succeed, only a browser will not see it.
            LOG.warn("CORS rules of bucket {} not readable; answering without CORS headers: {}", s3.bucket(),
                    unreadable.toString());
            return Optional.empty();
        }
    }

    private Optional<CorsRules> rulesOf(S3Request s3) {
        try {
            return lookup.rulesOf(s3.bucket(), SharedBucketRegistry.in(context)::cors);
        } catch (SwiftException failure) {
            throw S3Failures.toS3(failure, s3);
        }
    }
}
