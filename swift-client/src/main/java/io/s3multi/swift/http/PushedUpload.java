package io.s3multi.swift.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;

/**
 * An upload body that the requesting thread pushes into Jetty, instead of one that Jetty's threads pull.
 *
 * <p>Jetty's HTTP client reads an {@code InputStream} body ({@code InputStreamRequestContent}) on whichever thread
 * drives the destination's queue: a thread of its pool, or the caller of an unrelated request. Reading a gateway
 * client's body there pins that thread for as long as the client takes to send it, and a body whose end waits for
 * another request of the same client can deadlock it. Both Swift clients of the gateway use it: swift-client's
 * transport for the S3 stages, and proxy_server for the native Swift API. Here the thread that sent the request
 * ({@link #send}) reads the upload and hands Jetty one buffer at a time; Jetty's threads only ever find a buffer
 * ready or ask to be told.
 *
 * <p>The pump reads nothing before Jetty asks for the body: with {@code Expect: 100-continue} that is after
 * Swift's {@code 100 Continue}, so a refusal (a 401 with an expired token, say) finds the upload untouched and
 * the request can be sent again. One buffer is in flight at a time, and it is reused only once Jetty has
 * released it (written it out): memory per upload is one buffer.
 */
public final class PushedUpload extends AsyncRequestContent {

    private final InputStream upload;
    private final long length;
    private final int bufferSize;
    private final CompletableFuture<Boolean> bodyWanted = new CompletableFuture<>();

    private PushedUpload(InputStream upload, long length, int bufferSize) {
        super((String) null);
        this.upload = upload;
        this.length = length;
        this.bufferSize = bufferSize;
    }

    /**
     * Makes {@code upload} the body of {@code exchange}, to be pumped by {@link #send}.
     *
     * @param upload     the body, read only by the pump
     * @param length     its length, or -1 when unknown (sent chunked)
     * @param bufferSize bytes read and handed to Jetty at a time
     */
    public static PushedUpload attach(Request exchange, InputStream upload, long length, int bufferSize) {
        PushedUpload pushed = new PushedUpload(upload, length, bufferSize);
        pushed.watch(exchange);
        exchange.body(pushed);
        return pushed;
    }

    /**
     * Sends {@code exchange} and, when it has a pushed {@code body} (else null), pumps it on this thread; the
     * answer comes through the listener returned.
     */
    public static InputStreamResponseListener send(Request exchange, PushedUpload body) {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        exchange.send(listener);
        if (body != null) {
            body.pump(exchange);
        }
        return listener;
    }

    /** Announced as {@code Content-Length} when known, so that Jetty does not chunk the body. */
    @Override
    public long getLength() {
        return length;
    }

    @Override
    public Content.Chunk read() {
        bodyWanted.complete(true);
        return super.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
        bodyWanted.complete(true);
        super.demand(demandCallback);
    }

    /** Makes the pump give up waiting for Jetty's first read once the exchange has an answer or has failed. */
    private void watch(Request exchange) {
        exchange.onResponseBegin(response -> bodyWanted.complete(false));
        exchange.onComplete(result -> bodyWanted.complete(false));
    }

    /**
     * Reads the upload on the calling thread and hands it to Jetty until its end, an early answer from Swift, or
     * a failure. A failure of the upload stream aborts the exchange (with that failure as the cause), so Swift
     * never receives the whole body. Called by {@link #send}, on the thread that sent {@code exchange}.
     */
    private void pump(Request exchange) {
        if (!awaitBodyWanted(exchange)) {
            return;
        }
        // A body of known length below the buffer size gets a buffer of its own size, so a small PUT does not
        // allocate the whole buffer; the byte more keeps the buffer of an empty body from being empty.
        byte[] buffer = new byte[length >= 0 && length < bufferSize ? (int) length + 1 : bufferSize];
        while (true) {
            int count;
            try {
                count = upload.read(buffer, 0, buffer.length);
            } catch (IOException failure) {
                exchange.abort(failure);
                fail(failure);
                return;
            }
            if (count < 0) {
                close();
                return;
            }
            if (count > 0 && !written(exchange, ByteBuffer.wrap(buffer, 0, count))) {
                return;
            }
        }
    }

    private boolean awaitBodyWanted(Request exchange) {
        try {
            return bodyWanted.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            exchange.abort(interrupted);
            return false;
        } catch (ExecutionException impossible) {
            return false;
        }
    }

    /** Hands one buffer to Jetty and waits until it is out; false when the exchange ended meanwhile. */
    private boolean written(Request exchange, ByteBuffer bytes) {
        Callback.Completable done = new Callback.Completable();
        write(bytes, done);
        try {
            done.get();
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            exchange.abort(interrupted);
            return false;
        } catch (ExecutionException | CancellationException endedEarly) {
            // Swift answered before the whole body (a 413, say), the exchange broke or was aborted (a
            // CancellationException is rethrown as itself): the answer, or the failure, reaches the caller
            // through the response listener.
            return false;
        }
    }
}
