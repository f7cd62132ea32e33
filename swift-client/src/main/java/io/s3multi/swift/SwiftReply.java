package io.s3multi.swift;

/**
 * The head of a successful answer whose body, if any, did not matter (PUT, POST, DELETE, HEAD, copy).
 *
 * @param status  the HTTP status, 2xx
 * @param headers every response header
 */
public record SwiftReply(int status, SwiftHeaders headers) {

    /** The first value of a response header, or {@code null}. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The {@code ETag} Swift answered with (quoted for an SLO, bare hex for a plain object), or {@code null}. */
    public String etag() {
        return headers.get("ETag");
    }

    /** {@code Content-Length} (on HEAD: the object's size), or -1 when absent. */
    public long contentLength() {
        return headers.contentLength();
    }

    /** Swift's transaction id, for correlating with Swift's logs; {@code null} if absent. */
    public String transactionId() {
        return headers.get("X-Trans-Id");
    }
}
