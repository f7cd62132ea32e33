package io.s3multi.filters.tus;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * A request path under the tus path: {@code <path>/<bucket>/} (the bucket's creation URL) or
 * {@code <path>/<bucket>/<upload id>}.
 *
 * @param bucket   the bucket segment
 * @param uploadId the upload id segment; empty for the creation URL
 */
record TusPath(String bucket, Optional<String> uploadId) {

    static Optional<TusPath> parse(String mount, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(mount + "/")) {
            return Optional.empty();
        }
        String rest = path.substring(mount.length() + 1);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String id = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty() || id.contains("/")) {
            return Optional.of(new TusPath("", Optional.empty()));
        }
        return Optional.of(new TusPath(bucket, id.isEmpty() ? Optional.empty() : Optional.of(id)));
    }

    /**
     * The method a request stands for: a POST's {@code X-HTTP-Method-Override} (for clients and proxies that cannot
     * send PATCH or DELETE), or {@code preflightMethod} when it is a CORS preflight's.
     */
    static String method(HttpServletRequest request, String preflightMethod) {
        if ("OPTIONS".equals(request.getMethod()) && preflightMethod != null) {
            return preflightMethod;
        }
        String override = request.getHeader("X-HTTP-Method-Override");
        return "POST".equals(request.getMethod()) && override != null ? override.trim().toUpperCase(
                java.util.Locale.ROOT) : request.getMethod();
    }
}
