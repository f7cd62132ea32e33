package io.s3multi.filters.uploadpage;

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
import java.util.Optional;

/**
 * Serves the browser upload page: {@code GET <path>} answers its {@code index.html}, {@code GET <path><file>} the
 * bundled script, style sheet and licence notes the build put next to it (see {@link PageFiles}). The page itself
 * talks to the gateway as any S3 client does (requests presigned in the browser, or a Swift token), so this stage
 * grants nothing: it only hands out static files.
 *
 * <p>Only a {@code GET} or {@code HEAD} without a query string and without an {@code Authorization} header is
 * answered, and only for the page's own file names; everything else passes on untouched. So a bucket named like the
 * path stays reachable to S3 clients (their listings are signed and carry a query), and objects in it too.
 *
 * <p>Caching: the bundles' names carry their content hash and are sent {@code immutable} for a year;
 * {@code index.html} is sent {@code no-cache}; each answer has an ETag and {@code If-None-Match} gets {@code 304}.
 *
 * <p><b>Position:</b> anywhere; early (after proxy_logging) keeps the page's loads cheap.
 *
 * <p><b>Settings</b> ({@code filter.upload_page.*}): declared in {@link UploadPageConfig#SETTINGS}; listed in
 * {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> none.
 */
public final class UploadPageFilter implements Filter {

    private final UploadPageConfig config;
    private final PageFiles files;

    UploadPageFilter(UploadPageConfig config, PageFiles files) {
        this.config = config;
        this.files = files;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        Optional<String> name = pageFileName(request);
        if (name.isEmpty()) {
            next.doFilter(req, res);
            return;
        }
        var response = (HttpServletResponse) res;
        Optional<PageFiles.PageFile> file = files.get(name.get());
        if (file.isEmpty()) {
            PlainText.send(response, HttpServletResponse.SC_NOT_FOUND,
                    "The upload page was not bundled into this build (the webapp module builds it with npm).");
            return;
        }
        send(request, response, file.get());
    }

    /** The page file a request asks for, if it is a plain read of the page's path or a file directly under it. */
    private Optional<String> pageFileName(HttpServletRequest request) {
        String method = request.getMethod();
        String path = RawPath.of(request);
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getQueryString() != null
                || request.getHeader("Authorization") != null || !path.startsWith(config.path())) {
            return Optional.empty();
        }
        String rest = path.substring(config.path().length());
        if (rest.isEmpty()) {
            return Optional.of(PageFiles.INDEX);
        }
        return rest.equals(PageFiles.INDEX) || files.get(rest).isPresent() ? Optional.of(rest) : Optional.empty();
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, PageFiles.PageFile file)
            throws IOException {
        response.setHeader("ETag", file.etag());
        response.setHeader("Cache-Control", file.cacheControl());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (file.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(file.contentType());
        response.setContentLength(file.bytes().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(file.bytes());
        }
    }
}
