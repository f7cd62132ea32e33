package io.s3multi.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS reads of several records per system call ({@link WideReadSslConnectionFactory}), and no upload that waits on
 * bytes read ahead: a server whose handler answers the SHA-256 of each request body, and a connector that counts
 * what each network read brought.
 */
class WideReadSslConnectionFactoryTest {

    /** What one TLS record of the JDK can take at most, header and tag included. */
    private static final int ONE_RECORD = 16_709;

    @TempDir
    Path dir;

    private final AtomicInteger largestNetworkRead = new AtomicInteger();
    private Server server;
    private Path store;

    @BeforeEach
    void start() throws Exception {
        store = HttpsServerTest.selfSigned(dir.resolve("gateway.p12"));
        var keys = new SslContextFactory.Server();
        keys.setKeyStorePath(store.toString());
        keys.setKeyStorePassword(HttpsServerTest.PASSWORD);
        keys.setKeyStoreType("PKCS12");
        server = new Server();
        var configuration = new HttpConfiguration();
        // as the gateway's: the certificate is for 127.0.0.1, the requests name another host
        configuration.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        var http = new HttpConnectionFactory(configuration);
        http.setInputBufferSize(64 * 1024);
        ServerConnector connector = new ServerConnector(server,
                new WideReadSslConnectionFactory(keys, http.getProtocol()), http) {
            @Override
            protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector,
                    SelectionKey key) {
                return new SocketChannelEndPoint(channel, selector, key, getScheduler()) {
                    @Override
                    public int fill(ByteBuffer buffer) throws IOException {
                        int filled = super.fill(buffer);
                        largestNetworkRead.accumulateAndGet(filled, Math::max);
                        return filled;
                    }
                };
            }
        };
        connector.setHost("127.0.0.1");
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                try (InputStream body = Content.Source.asInputStream(request)) {
                    byte[] buffer = new byte[8192];
                    for (int count; (count = body.read(buffer)) >= 0; ) {
                        sha256.update(buffer, 0, count);
                    }
                }
                Content.Sink.write(response, true, HexFormat.of().formatHex(sha256.digest()), callback);
                return true;
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void anUploadIsReadSeveralRecordsAtATime() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024];
        new Random(16).nextBytes(body);
        try (SSLSocket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(body.length));
            out.write(body);
            out.flush();
            assertEquals(sha256(body), answerBody(socket.getInputStream()));
        }
        assertTrue(largestNetworkRead.get() > ONE_RECORD,
                "the largest network read brought " + largestNetworkRead.get() + " bytes");
    }

    /**
     * Records that come one by one, with pauses, and the request's last byte in the last one: each is handed on as
     * it comes, so the answer comes while the client waits (Jetty's idle timeout, 60 s here, never runs out).
     */
    @Test
    void aTrickledUploadIsAnsweredWithoutMoreBytes() throws Exception {
        byte[] body = new byte[40_000];
        new Random(17).nextBytes(body);
        try (SSLSocket socket = connect()) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(body.length));
            for (int from = 0; from < body.length; from += 1000) {
                out.write(body, from, Math.min(1000, body.length - from));
                out.flush();
                Thread.sleep(2);
            }
            assertEquals(sha256(body), answerBody(socket.getInputStream()));
            // and the connection carries the next request, sent in one piece
            out.write(head(body.length));
            out.write(body);
            out.flush();
            assertEquals(sha256(body), answerBody(socket.getInputStream()));
        }
    }

    /**
     * A request whose records all came in one network read together with the first half of the next request's
     * record, after which the client waits for the answer: the server answers from the bytes it has read ahead,
     * without waiting for the rest of the half record; and once that comes, the next request is answered too.
     */
    @Test
    void aRequestFollowedByHalfARecordIsAnsweredWhileTheClientWaits() throws Exception {
        byte[] first = new byte[40_000];   // three records
        byte[] second = new byte[5_000];
        new Random(18).nextBytes(first);
        new Random(19).nextBytes(second);
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        try (java.net.Socket plain = new java.net.Socket("127.0.0.1", port)) {
            HeldOutput held = new HeldOutput(plain.getOutputStream());
            java.net.Socket gated = new java.net.Socket() {
                @Override
                public OutputStream getOutputStream() {
                    return held;
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    return plain.getInputStream();
                }

                @Override
                public boolean isConnected() {
                    return true;
                }

                @Override
                public synchronized void close() throws IOException {
                    plain.close();
                }
            };
            SSLSocket socket = (SSLSocket) HttpsServerTest.trusting(store).getSocketFactory()
                    .createSocket(gated, "127.0.0.1", port, true);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            held.hold();
            out.write(head(first.length));
            out.write(first);
            out.flush();
            byte[] firstRecords = held.take();
            out.write(head(second.length));
            out.write(second);
            out.flush();
            byte[] secondRecords = held.take();
            int half = secondRecords.length / 2;
            byte[] together = java.util.Arrays.copyOf(firstRecords, firstRecords.length + half);
            System.arraycopy(secondRecords, 0, together, firstRecords.length, half);
            held.send(together);
            assertEquals(sha256(first), answerBody(socket.getInputStream()));
            held.send(java.util.Arrays.copyOfRange(secondRecords, half, secondRecords.length));
            assertEquals(sha256(second), answerBody(socket.getInputStream()));
        }
        assertTrue(largestNetworkRead.get() > ONE_RECORD,
                "the largest network read brought " + largestNetworkRead.get() + " bytes");
    }

    /** A second connection resumes the session of the first (TLS 1.2 and 1.3): uploads on both stay whole. */
    @Test
    void resumedSessionsKeepUploadsWhole() throws Exception {
        byte[] body = new byte[300_000];
        new Random(20).nextBytes(body);
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            var factory = HttpsServerTest.trusting(store).getSocketFactory();
            long firstCreated = 0;
            for (int connection = 0; connection < 2; connection++) {
                try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", port)) {
                    socket.setEnabledProtocols(new String[] {protocol});
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(head(body.length));
                    out.write(body);
                    out.flush();
                    assertEquals(sha256(body), answerBody(socket.getInputStream()), protocol);
                    if (connection == 0) {
                        firstCreated = socket.getSession().getCreationTime();
                    } else {
                        assertEquals(firstCreated, socket.getSession().getCreationTime(), protocol + " resumed");
                    }
                }
            }
        }
    }

    /** A socket's output that passes writes on, or holds them back to be sent in chosen pieces. */
    private static final class HeldOutput extends OutputStream {
        private final OutputStream network;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean holding;

        HeldOutput(OutputStream network) {
            this.network = network;
        }

        void hold() {
            holding = true;
        }

        byte[] take() {
            byte[] bytes = kept.toByteArray();
            kept.reset();
            return bytes;
        }

        /** Sends {@code bytes} in one write. */
        void send(byte[] bytes) throws IOException {
            network.write(bytes);
            network.flush();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (holding) {
                kept.write(bytes, offset, length);
            } else {
                network.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!holding) {
                network.flush();
            }
        }
    }

    private SSLSocket connect() throws Exception {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        SSLSocket socket = (SSLSocket) HttpsServerTest.trusting(store).getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        return socket;
    }

    private static byte[] head(int length) {
        return ("PUT /object HTTP/1.1\r\nHost: gw\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body of one answer with a Content-Length, read off the stream without reading beyond it. */
    private static String answerBody(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection ended inside the answer's head: " + head);
            }
            head.write(next);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("HTTP/1.1 200"), text);
        int length = -1;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        assertTrue(length >= 0, text);
        return new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
