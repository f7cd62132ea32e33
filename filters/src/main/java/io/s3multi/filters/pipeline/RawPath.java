package io.s3multi.filters.pipeline;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request path exactly as the client sent it, below the context path.
 *
 * <p>S3 keys may contain {@code %2F}, {@code //}, {@code %25} or {@code ..}, and signatures are computed over
 * the client's own encoding, so stages read paths only from {@link HttpServletRequest#getRequestURI()},
 * which containers leave undecoded. {@code getServletPath()} and {@code getPathInfo()} are decoded and
 * normalised and must not be used.
 */
public final class RawPath {

    private RawPath() {
    }

    /** The undecoded path below the context path, starting with {@code /}. */
    public static String of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        String path = contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length())
                : uri;
        return path.isEmpty() ? "/" : path;
    }

    /** The path and, when present, {@code ?} and the undecoded query, as on the request line. */
    public static String withQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? of(request) : of(request) + "?" + query;
    }
}
