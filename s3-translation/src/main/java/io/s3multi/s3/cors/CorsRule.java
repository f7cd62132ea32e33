package io.s3multi.s3.cors;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated {@code <CORSRule>}: which origins may use which methods with which request headers, and what the
 * answer tells the browser (exposed headers, how long it may cache a preflight).
 *
 * @param id             the rule's {@code ID}, if any (shown by GetBucketCors only)
 * @param allowedOrigins at least one; each with at most one {@code *}
 * @param allowedMethods at least one of GET, PUT, POST, DELETE, HEAD
 * @param allowedHeaders request headers a preflight may announce; each with at most one {@code *}
 * @param exposeHeaders  response headers the browser may show the page
 * @param maxAgeSeconds  how long a browser may cache the preflight's answer
 */
public record CorsRule(Optional<String> id, List<String> allowedOrigins, List<String> allowedMethods,
        List<String> allowedHeaders, List<String> exposeHeaders, Optional<Integer> maxAgeSeconds) {

    public CorsRule {
        Objects.requireNonNull(id, "id");
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
        Objects.requireNonNull(maxAgeSeconds, "maxAgeSeconds");
    }

    /** The origin pattern that admits {@code origin}, if one does. */
    Optional<CorsPattern> admittedOrigin(String origin) {
        return allowedOrigins.stream().map(text -> new CorsPattern(text, true))
                .filter(pattern -> pattern.matches(origin)).findFirst();
    }

    boolean allowsMethod(String method) {
        return allowedMethods.contains(method);
    }

    /** Whether every header a preflight announces is allowed by one of {@link #allowedHeaders}. */
    boolean allowsHeaders(List<String> requestHeaders) {
        return requestHeaders.stream().allMatch(header -> allowedHeaders.stream()
                .anyMatch(text -> new CorsPattern(text, false).matches(header)));
    }
}
