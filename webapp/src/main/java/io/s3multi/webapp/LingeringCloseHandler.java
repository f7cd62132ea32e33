package io.s3multi.webapp;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Lets an answer given before the request's body was read reach the client: a 403 to an upload, a 400 to a body
 * declared too large, a 503 because Swift broke mid-upload.
 *
 * <p>Left to itself Jetty 12 (12.1.12) sends such an answer, finds the rest of the body unconsumed when the request
 * completes, and closes the connection outright (an "Unconsumed" failure of the stream). Closing a socket with
 * unread bytes makes the kernel send a TCP reset, and a client still sending its body (curl after its
 * {@code 100 Continue}) gets a broken pipe and loses the answer it had not read yet.
 *
 * <p>So, as Apache's lingering close does: an answer committed before the body was read to its end says
 * {@code Connection: close}, so Jetty shuts its output down once the answer is out (the client reads the answer,
 * then the end of the stream); and the request completes only once this handler has read and discarded the rest of
 * the body, so Jetty's close finds nothing unread. The drain is bounded: after {@link #LINGER} the request completes
 * whatever the client still sends (and Jetty resets it then), and a client that sends nothing meets the connector's
 * idle timeout. It holds no thread while it waits for bytes. Answers given after the whole body was read, and
 * requests without a body, are untouched.
 */
final class LingeringCloseHandler extends Handler.Wrapper {

    /** How long the rest of a body is drained after such an answer (Apache's lingering close: 30 s at most). */
    static final Duration LINGER = Duration.ofSeconds(30);

    LingeringCloseHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (headers.getLongField(HttpHeader.CONTENT_LENGTH) <= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            return super.handle(request, response, callback);   // no body: nothing can be left unread
        }
        var body = new BodyWatchingRequest(request);
        var answer = new ClosingResponse(body, response);
        return super.handle(body, answer, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                if (answer.closing && !body.read) {
                    new Drain(body, NanoTime.now() + LINGER.toNanos(), callback).run();
                } else {
                    super.succeeded();
                }
            }
        });
    }

    /** Notes when the body has been read to its end (by the application or by the drain). */
    private static final class BodyWatchingRequest extends Request.Wrapper {

        private volatile boolean read;

        BodyWatchingRequest(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast()) {
                read = true;
            }
            return chunk;
        }
    }

    /** Says {@code Connection: close} on an answer committed while the body is still unread. */
    private static final class ClosingResponse extends Response.Wrapper {

        private final BodyWatchingRequest body;
        private volatile boolean closing;

        ClosingResponse(BodyWatchingRequest body, Response response) {
            super(body, response);
            this.body = body;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted() && !body.read) {
                closing = true;
                getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            super.write(last, content, callback);
        }
    }

    /** Reads and discards the rest of a body, then completes the request; waits for bytes by demand, not a thread. */
    private record Drain(BodyWatchingRequest body, long deadline, Callback completion) implements Runnable {

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = body.read();
                if (chunk == null) {
                    if (NanoTime.isBefore(deadline, NanoTime.now())) {
                        completion.succeeded();   // lingered long enough: Jetty closes over what is left
                    } else {
                        body.demand(this);
                    }
                    return;
                }
                chunk.release();
                if (chunk.isLast() || NanoTime.isBefore(deadline, NanoTime.now())) {
                    completion.succeeded();
                    return;
                }
            }
        }
    }
}
