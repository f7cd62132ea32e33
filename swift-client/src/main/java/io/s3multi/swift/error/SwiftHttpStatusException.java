package io.s3multi.swift.error;

import io.s3multi.swift.SwiftHeaders;

/**
 * Swift answered with a status that the operation does not accept as success (4xx, 5xx, or an
 * unexpected 3xx: this client never follows redirects).
 *
 * <p>It carries what a caller needs to map the answer onto its own protocol: the status, every response
 * header (for example {@code X-Trans-Id} for correlation, {@code Content-Range} on a 416) and the start of
 * the body, capped at {@link #SNIPPET_LIMIT} characters, because Swift explains many refusals there
 * (an SLO manifest's problem segments, a quota message) and an error body is never worth streaming.
 */
public class SwiftHttpStatusException extends SwiftException {

    private static final long serialVersionUID = 1L;

    /** The most characters of an error body kept in {@link #bodySnippet()}. */
    public static final int SNIPPET_LIMIT = 1024;

    private final String method;
    private final String path;
    private final int status;
    private final transient SwiftHeaders headers;
    private final String bodySnippet;

    public SwiftHttpStatusException(String method, String path, int status, SwiftHeaders headers,
                                    String bodySnippet) {
        super(method + " " + path + " answered " + status + describe(bodySnippet), null);
        this.method = method;
        this.path = path;
        this.status = status;
        this.headers = headers == null ? SwiftHeaders.empty() : headers;
        this.bodySnippet = bodySnippet == null ? "" : bodySnippet;
    }

    private static String describe(String snippet) {
        if (snippet == null || snippet.isBlank()) {
            return "";
        }
        String oneLine = snippet.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine);
    }

    /** The HTTP method of the request that was refused. */
    public String method() {
        return method;
    }

    /** The request path (percent-encoded, without host), for logs. */
    public String path() {
        return path;
    }

    /** The HTTP status Swift answered with. */
    public int status() {
        return status;
    }

    /** Every header of Swift's answer. */
    public SwiftHeaders headers() {
        return headers;
    }

    /** The beginning of the answer's body, at most {@link #SNIPPET_LIMIT} characters; empty if none. */
    public String bodySnippet() {
        return bodySnippet;
    }

    /** Swift's transaction id for this answer, or {@code null}: the key to Swift's own logs. */
    public String transactionId() {
        return headers.get("X-Trans-Id");
    }
}
