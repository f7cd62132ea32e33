package io.s3multi.filters.healthcheck;

import io.s3multi.filters.pipeline.PlainText;
import io.s3multi.filters.pipeline.RawPath;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Answers load balancers and monitors without touching Swift.
 *
 * <p>{@code GET /healthcheck} (and {@code HEAD}) is answered {@code 200 OK} with the body {@code OK}, whatever
 * the query string; every other request passes through untouched. As in Swift, an operator can take the
 * gateway out of a load balancer's rotation without stopping it: while the file named by
 * {@code disable_path} exists, the answer is {@code 503 DISABLED BY FILE}.
 *
 * <p>A consequence to know: with path-style addressing, listing a bucket named {@code healthcheck} is
 * answered here (as with Swift's own healthcheck in front of s3api).
 *
 * <p><b>Position:</b> anywhere; early (after catch_errors and proxy_logging) keeps probes cheap and visible in
 * the access log.
 *
 * <p><b>Settings</b> ({@code filter.healthcheck.*}): declared once, with defaults and meanings, in
 * {@link HealthcheckConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> none.
 */
public final class HealthcheckFilter implements Filter {

    static final String PATH = "/healthcheck";

    private final HealthcheckConfig config;

    public HealthcheckFilter(HealthcheckConfig config) {
        this.config = config;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        String method = request.getMethod();
        if (!PATH.equals(RawPath.of(request)) || !("GET".equals(method) || "HEAD".equals(method))) {
            next.doFilter(req, res);
            return;
        }
        // The container leaves the body out of a HEAD answer by itself.
        if (config.disablePath().map(Files::exists).orElse(false)) {
            PlainText.send((HttpServletResponse) res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "DISABLED BY FILE");
        } else {
            PlainText.send((HttpServletResponse) res, HttpServletResponse.SC_OK, "OK");
        }
    }
}
