package io.s3multi.filters.proxyserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.pipeline.Placement;
import io.s3multi.filters.testing.Digests;
import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.PatternStream;
import io.s3multi.filters.testing.StreamingBackend;
import io.s3multi.filters.testing.TestStages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which threads read a native upload's body: only the request's own (servlet) thread, never one of the backend
 * client's, so that a client that sends slowly holds no thread but its own.
 */
class ProxyServerBodyThreadTest {

    private static final Set<Thread> REQUEST_THREADS = ConcurrentHashMap.newKeySet();
    private static final Set<Thread> BODY_READERS = ConcurrentHashMap.newKeySet();

    private static StreamingBackend backend;
    private static GatewayUnderTest gateway;

    @BeforeAll
    static void start() throws Exception {
        backend = new StreamingBackend();
        gateway = GatewayUnderTest.start(GatewayUnderTest.config("watch_body_readers proxy_server",
                "filter.proxy_server.swift_url", backend.url()),
                TestStages.stage("watch_body_readers", Placement.anywhere(),
                        (ServletRequest req, ServletResponse res, FilterChain next) -> {
                            REQUEST_THREADS.add(Thread.currentThread());
                            next.doFilter(new ReaderRecordingRequest((HttpServletRequest) req), res);
                        }));
    }

    @AfterAll
    static void stop() throws Exception {
        backend.release.countDown();
        gateway.close();
        backend.close();
    }

    @Test
    void onlyTheRequestingThreadReadsANativeUploadBody() throws Exception {
        long size = 8L << 20;
        HttpClient http = HttpClient.newHttpClient();
        for (boolean chunked : new boolean[] {false, true}) {
            HttpRequest.BodyPublisher body = chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size))
                    : HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)), size);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(gateway.uri("/v1/upload")).PUT(body)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(size + " " + Digests.sha256(new PatternStream(size)), answer.body(), "chunked " + chunked);
        }
        assertTrue(!BODY_READERS.isEmpty());
        assertTrue(REQUEST_THREADS.containsAll(BODY_READERS),
                "read by " + BODY_READERS + ", requests ran on " + REQUEST_THREADS);
    }

    /** Records the thread of every read of the body. */
    private static final class ReaderRecordingRequest extends HttpServletRequestWrapper {

        ReaderRecordingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    BODY_READERS.add(Thread.currentThread());
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    BODY_READERS.add(Thread.currentThread());
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
