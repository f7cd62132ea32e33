package io.s3multi.filters.metrics;

import io.s3multi.filters.pipeline.RawPath;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Serves the Prometheus text at {@code metrics.path} on the gateway's own port: the way to read metrics from a WAR.
 * Registered before every stage, so the scrape is neither authenticated as S3 nor logged nor counted; every other
 * request passes on untouched (all of them when {@code metrics.path} is empty). Its {@link #destroy()} closes the
 * gateway's metrics.
 *
 * <p>It answers only {@code GET} (and {@code HEAD}) of exactly that raw path, and only path-style: a request whose
 * {@code Host} is a bucket under one of the {@code storage_domain}s is addressed to an object of that bucket and
 * passes on. Readers are judged by {@link MetricsReaders}: 403 for an address not allowed, 401 without the token.
 *
 * <p><b>Settings:</b> the top-level {@code metrics.path}, {@code metrics.allow}, {@code metrics.token}.
 * <b>Request attributes:</b> none.
 */
final class MetricsPathFilter implements Filter {

    private final String path;
    private final List<String> bucketHostSuffixes;
    private final GatewayMetrics metrics;

    /** @param path the path to serve, or empty for none */
    MetricsPathFilter(String path, List<String> storageDomains, GatewayMetrics metrics) {
        this.path = path;
        this.bucketHostSuffixes = storageDomains.stream().map(domain -> "." + domain.toLowerCase(Locale.ROOT))
                .toList();
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        if (!path.equals(RawPath.of(request)) || !isRead(request.getMethod()) || isBucketHost(request.getServerName())) {
            next.doFilter(req, res);
            return;
        }
        var response = (HttpServletResponse) res;
        MetricsReaders.Verdict verdict = metrics.readers().judge(request.getRemoteAddr(), request.getHeader("Authorization"));
        String body = verdict == MetricsReaders.Verdict.ALLOWED ? metrics.scrape() : verdict.message();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(verdict.status());
        response.setContentType(verdict == MetricsReaders.Verdict.ALLOWED ? GatewayMetrics.CONTENT_TYPE
                : "text/plain; charset=utf-8");
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }

    @Override
    public void destroy() {
        metrics.close();
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private boolean isBucketHost(String host) {
        if (host == null || bucketHostSuffixes.isEmpty()) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        for (String suffix : bucketHostSuffixes) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
