package io.s3multi.webapp.fault;

import java.time.Duration;

/**
 * What {@link FaultProxy} does to a request a {@link Rule} matched. Byte counts are of the body as it travels on
 * the wire (chunk framing included); a body no longer than the count is forwarded whole.
 */
public class Fault {

    enum Kind {
        FORWARD, HOLD, ANSWER, RESET_BEFORE_FORWARDING, RESET_IN_REQUEST_BODY, RESET_IN_RESPONSE_BODY,
        TRUNCATE_RESPONSE_BODY, STALL, STALL_IN_RESPONSE_BODY, RENDEZVOUS
    }

    private final Kind kind;
    private final long bytes;
    private final String contentType;
    private final String body;

    Fault(Kind kind, long bytes) {
        this(kind, bytes, null, null);
    }

    private Fault(Kind kind, long bytes, String contentType, String body) {
        this.kind = kind;
        this.bytes = bytes;
        this.contentType = contentType;
        this.body = body;
    }

    /** Passes the request to Swift and the response back, unchanged. */
    public static Fault forward() {
        return new Fault(Kind.FORWARD, 0);
    }

    /** Holds the request, not a byte of it sent to Swift, until the test releases it; then forwards it. */
    public static Hold hold() {
        return new Hold();
    }

    /**
     * Holds each request it strikes until {@code parties} have arrived (at most 30 s), then forwards them together:
     * see {@link Rendezvous}.
     */
    public static Rendezvous rendezvous(int parties) {
        return new Rendezvous(parties, Duration.ofSeconds(30));
    }

    /** Answers {@code status} itself (a Swift-style plain-text body); Swift never sees the request. */
    public static Fault answer(int status) {
        return new Fault(Kind.ANSWER, status);
    }

    /**
     * Answers {@code status} itself with {@code body} (ASCII) of {@code contentType}; Swift never sees the request.
     * For instance {@code 200} and {@code []} for a listing whose entries have not reached the container server yet.
     */
    public static Fault answer(int status, String contentType, String body) {
        return new Fault(Kind.ANSWER, status, contentType, body);
    }

    /** Resets the gateway's connection as soon as the request head has arrived; Swift never sees it. */
    public static Fault resetBeforeForwarding() {
        return new Fault(Kind.RESET_BEFORE_FORWARDING, 0);
    }

    /** Forwards the head and {@code bytes} of the request body, then resets both connections. */
    public static Fault resetInRequestBody(long bytes) {
        return new Fault(Kind.RESET_IN_REQUEST_BODY, bytes);
    }

    /** Forwards the request, the response head and {@code bytes} of the response body, then resets. */
    public static Fault resetInResponseBody(long bytes) {
        return new Fault(Kind.RESET_IN_RESPONSE_BODY, bytes);
    }

    /** Like {@link #resetInResponseBody} but closes the gateway's connection cleanly (FIN), as a short body. */
    public static Fault truncateResponseBody(long bytes) {
        return new Fault(Kind.TRUNCATE_RESPONSE_BODY, bytes);
    }

    /** Never answers and never forwards: the connection stays open, silent, until the proxy is closed. */
    public static Fault stall() {
        return new Fault(Kind.STALL, 0);
    }

    /** Forwards the response head and {@code bytes} of its body, then goes silent until the proxy is closed. */
    public static Fault stallInResponseBody(long bytes) {
        return new Fault(Kind.STALL_IN_RESPONSE_BODY, bytes);
    }

    final Kind kind() {
        return kind;
    }

    final long bytes() {
        return bytes;
    }

    /** The content type of an answer's own body; null for the proxy's plain Swift-style error page. */
    final String contentType() {
        return contentType;
    }

    final String body() {
        return body;
    }

    @Override
    public String toString() {
        return kind == Kind.FORWARD || kind == Kind.HOLD || kind == Kind.STALL
                || kind == Kind.RESET_BEFORE_FORWARDING ? kind.toString() : kind + "(" + bytes + ")";
    }
}
