package io.s3multi.filters.tus;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the tus stage is mounted, published in the servlet context for the stage before it that must know: cors
 * answers tus preflights and adds its headers to tus answers from the bucket's CORS configuration, as for S3
 * requests to that bucket, with a tus request's method read as the S3 method a rule names ({@link Target}).
 *
 * @param path the tus path, such as {@code /tus}
 */
public record TusMount(String path) {

    private static final String ATTRIBUTE = TusMount.class.getName();
    /** What tus answers carry for a browser to read. */
    public static final List<String> EXPOSED = List.of("Location", "Upload-Offset", "Upload-Length",
            "Upload-Metadata", "Upload-Expires", "Upload-Defer-Length", "Upload-Concat", "Upload-Processing",
            "Preference-Applied",
            "Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size", "Tus-Checksum-Algorithm");
    /** The methods tus adds to what a rule allows. */
    public static final List<String> METHODS = List.of("PATCH", "OPTIONS");

    /**
     * A tus request as CORS sees it: the bucket whose rules apply, and the S3 method its own method counts as (PATCH
     * needs a rule allowing PUT; an OPTIONS discovery, GET).
     */
    public record Target(String bucket, String s3Method) {
    }

    static void publish(ServletContext context, TusMount mount) {
        context.setAttribute(ATTRIBUTE, mount);
    }

    static void withdraw(ServletContext context) {
        context.removeAttribute(ATTRIBUTE);
    }

    /** The tus target of {@code request}, when a tus stage is mounted and the request is under its path. */
    public static Optional<Target> target(ServletContext context, HttpServletRequest request) {
        Object mount = context == null ? null : context.getAttribute(ATTRIBUTE);
        if (!(mount instanceof TusMount tus)) {
            return Optional.empty();
        }
        return TusPath.parse(tus.path(), request).map(path -> new Target(path.bucket(),
                s3Method(TusPath.method(request, request.getHeader("Access-Control-Request-Method")))));
    }

    private static String s3Method(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "PATCH" -> "PUT";
            case "OPTIONS" -> "GET";
            default -> method.toUpperCase(Locale.ROOT);
        };
    }
}
