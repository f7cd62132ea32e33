package io.s3multi.swift;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A tiny Jetty server on 127.0.0.1 that reads every upload to its end and records what it got: how many
 * bytes, and whether the body ended early. It stands in for a Swift object server, which stores an
 * object only once it has the whole body. A request with {@code X-Auth-Token: stale} is answered 401
 * without reading the body, as Swift's auth middleware does.
 */
final class RecordingSwiftServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String method, String path, String token, long bytes, Throwable bodyFailure) {

        boolean endedEarly() {
            return bodyFailure != null;
        }
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    RecordingSwiftServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String token = request.getHeaders().get("X-Auth-Token");
                String path = request.getHttpURI().getPath();
                if ("stale".equals(token)) {
                    received.add(new Received(request.getMethod(), path, token, 0, null));
                    response.setStatus(401);
                    callback.succeeded();
                    return true;
                }
                long count = 0;
                Throwable failure = null;
                try (InputStream body = Content.Source.asInputStream(request)) {
                    byte[] buffer = new byte[16 * 1024];
                    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                        count += n;
                    }
                } catch (Throwable endedEarly) {
                    failure = endedEarly;
                }
                received.add(new Received(request.getMethod(), path, token, count, failure));
                if (failure != null) {
                    callback.failed(failure);
                } else {
                    response.setStatus(201);
                    callback.succeeded();
                }
                return true;
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** The next request the server finished with, or {@code null} if none within {@code wait}. */
    Received next(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
