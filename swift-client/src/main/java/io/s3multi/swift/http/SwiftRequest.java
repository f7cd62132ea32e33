package io.s3multi.swift.http;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftNameEncoder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to Swift, before it is aimed at a base URL: method, encoded path, query, headers, body.
 *
 * <p>The path is relative to a base (the account's storage URL for container and object requests, the
 * proxy's endpoint for {@code /auth/v1.0} and {@code /info}) and already percent-encoded: build it with
 * {@link SwiftNameEncoder}, or pass a client's raw path through untouched. Query parameters added with
 * {@link Builder#param} are encoded here; {@link Builder#rawQuery} takes a query as it arrived.
 *
 * <p>Framing headers ({@code Content-Length}, {@code Transfer-Encoding}, {@code Expect}, {@code Host},
 * {@code Connection}) are set by the transport from the body and are dropped if given here.
 */
public record SwiftRequest(String method, String path, String query, SwiftHeaders headers, RequestBody body,
        AbortSignal abortSignal) {

    private static final List<String> FRAMING_HEADERS =
            List.of("content-length", "transfer-encoding", "expect", "host", "connection", "te", "upgrade");

    /**
     * @param method      the HTTP method, such as {@code PUT}
     * @param path        the encoded path, relative to the base URL; empty for the base URL itself
     * @param query       the encoded query without {@code ?}; empty when there is none
     * @param headers     the headers; framing headers are dropped
     * @param body        the body, {@link RequestBody#none()} for none
     * @param abortSignal the signal that can abort this request from another thread, or {@code null}
     */
    public SwiftRequest {
        requireValid(method, path);
        Objects.requireNonNull(query, "query");
        headers = withoutFraming(headers);
        Objects.requireNonNull(body, "body");
    }

    /**
     * Starts a request.
     *
     * @param method      the HTTP method, such as {@code PUT}
     * @param encodedPath the percent-encoded path, starting with {@code /}; empty for the base URL itself
     *                    (an account request aimed at a storage URL)
     */
    public static Builder builder(String method, String encodedPath) {
        return new Builder(method, encodedPath);
    }

    /** {@code path} plus {@code ?query} when there is a query. */
    public String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The same request with one header set (replacing any value it had). */
    public SwiftRequest withHeader(String name, String value) {
        return new SwiftRequest(method, path, query, headers.with(name, value), body, abortSignal);
    }

    @Override
    public String toString() {
        return method + " " + target();
    }

    private static void requireValid(String method, String path) {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("not an HTTP method: " + method);
        }
        if (path == null || !(path.isEmpty() || path.startsWith("/"))) {
            throw new IllegalArgumentException("the path must be empty or start with '/': " + path);
        }
    }

    /**
     * {@code headers} without the fields the transport frames itself; the same object when there are none, as for
     * nearly every request (this runs on each {@link #withHeader} too).
     */
    private static SwiftHeaders withoutFraming(SwiftHeaders headers) {
        boolean framing = false;
        for (Map.Entry<String, String> field : headers.fields()) {
            framing |= isFraming(field.getKey());
        }
        if (!framing) {
            return headers;
        }
        SwiftHeaders.Builder kept = SwiftHeaders.builder();
        for (Map.Entry<String, String> field : headers.fields()) {
            if (!isFraming(field.getKey())) {
                kept.add(field.getKey(), field.getValue());
            }
        }
        return kept.build();
    }

    private static boolean isFraming(String name) {
        for (String framing : FRAMING_HEADERS) {
            if (framing.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Collects the parts of a {@link SwiftRequest}. */
    public static final class Builder {

        private final String method;
        private final String path;
        private final StringBuilder query = new StringBuilder();
        private final SwiftHeaders.Builder headers = SwiftHeaders.builder();
        private RequestBody body = RequestBody.none();
        private AbortSignal abortSignal;

        private Builder(String method, String path) {
            requireValid(method, path);
            this.method = method;
            this.path = path;
        }

        /** Adds {@code name=value} to the query; both are percent-encoded here. */
        public Builder param(String name, String value) {
            separate().append(SwiftNameEncoder.encodeSegment(name)).append('=')
                    .append(SwiftNameEncoder.encodeSegment(value));
            return this;
        }

        /** Adds {@code name=value} when {@code value} is not {@code null}. */
        public Builder paramIfPresent(String name, String value) {
            return value == null ? this : param(name, value);
        }

        /** Adds a parameter without value, as in {@code ?bulk-delete}. */
        public Builder flag(String name) {
            separate().append(SwiftNameEncoder.encodeSegment(name));
            return this;
        }

        /** Appends a query exactly as given (already encoded), for requests passed through from a client. */
        public Builder rawQuery(String rawQuery) {
            if (rawQuery != null && !rawQuery.isEmpty()) {
                separate().append(rawQuery);
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        public Builder headers(SwiftHeaders more) {
            headers.addAll(more);
            return this;
        }

        public Builder body(RequestBody body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public Builder abortSignal(AbortSignal abortSignal) {
            this.abortSignal = abortSignal;
            return this;
        }

        public SwiftRequest build() {
            return new SwiftRequest(method, path, query.toString(), headers.build(), body, abortSignal);
        }

        private StringBuilder separate() {
            if (query.length() > 0) {
                query.append('&');
            }
            return query;
        }
    }
}
