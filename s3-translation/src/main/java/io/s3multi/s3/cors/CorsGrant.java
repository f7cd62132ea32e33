package io.s3multi.s3.cors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a matching rule lets the browser know: the {@code Access-Control-*} headers of the answer, in AWS's order
 * and spelling, with {@code Vary} (the answer depends on these request headers, so caches must key on them).
 *
 * <p>An origin admitted by {@code *} is answered {@code Access-Control-Allow-Origin: *} without credentials, as
 * AWS does; an origin admitted by name (or by a pattern) is echoed with {@code Access-Control-Allow-Credentials:
 * true}.
 */
public final class CorsGrant {

    /** AWS's {@code Vary} on every CORS answer. */
    public static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

    private final Map<String, String> headers;

    private CorsGrant(Map<String, String> headers) {
        this.headers = headers;
    }

    /**
     * @param preflightHeaders the request headers a preflight announced (lower case), empty for an actual request
     */
    static CorsGrant of(CorsRule rule, CorsPattern admittedBy, String origin, List<String> preflightHeaders) {
        var headers = new LinkedHashMap<String, String>();
        if (admittedBy.isAnything()) {
            headers.put("Access-Control-Allow-Origin", "*");
        } else {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        headers.put("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!preflightHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(", ", preflightHeaders));
        }
        if (!rule.exposeHeaders().isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        rule.maxAgeSeconds().ifPresent(seconds -> headers.put("Access-Control-Max-Age", seconds.toString()));
        headers.put("Vary", VARY);
        return new CorsGrant(Collections.unmodifiableMap(headers));
    }

    /**
     * The same grant for a protocol served beside S3 on the bucket's URLs (tus): {@code methods} allowed too, and
     * {@code exposed} exposed too.
     */
    public CorsGrant extendedBy(List<String> methods, List<String> exposed) {
        var extended = new LinkedHashMap<>(headers);
        extended.computeIfPresent("Access-Control-Allow-Methods",
                (name, allowed) -> allowed + ", " + String.join(", ", methods));
        extended.merge("Access-Control-Expose-Headers", String.join(", ", exposed), (own, more) -> own + ", " + more);
        extended.remove("Vary");
        extended.put("Vary", VARY);
        return new CorsGrant(Collections.unmodifiableMap(extended));
    }

    /** The headers to set on the answer, in order. */
    public Map<String, String> headers() {
        return headers;
    }
}
