package io.s3multi.webapp.fault;

/**
 * A request the gateway sent through {@link FaultProxy}, as rules see it and as the proxy's log keeps it.
 *
 * @param method the HTTP method
 * @param path   the path as sent, still percent-encoded, without the query
 * @param query  the query without {@code ?}, or the empty string
 * @param head   the request's head as sent, for rules that look at a header field ({@link #header})
 */
public record SwiftRequest(String method, String path, String query, HttpHead head) {

    static SwiftRequest of(HttpHead head) {
        String target = head.target();
        int question = target.indexOf('?');
        return question < 0
                ? new SwiftRequest(head.method(), target, "", head)
                : new SwiftRequest(head.method(), target.substring(0, question), target.substring(question + 1),
                        head);
    }

    /** The value of the request's first header field of this name, or {@code null}. */
    public String header(String name) {
        return head.field(name);
    }

    /** True for an object in a container whose name ends with {@code _segments} (a multipart segment). */
    public boolean isSegment() {
        String[] parts = path.split("/", 5);  // "", v1, account, container, object
        return parts.length == 5 && parts[3].endsWith("_segments");
    }

    /** True when the path names an object (not an account or container). */
    public boolean isObject() {
        return path.startsWith("/v1/") && path.split("/", 5).length == 5;
    }

    /** True when the query carries {@code name} as a parameter (with or without value). */
    public boolean hasParameter(String name) {
        for (String parameter : query.split("&")) {
            if (parameter.equals(name) || parameter.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
