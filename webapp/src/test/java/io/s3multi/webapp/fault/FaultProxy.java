package io.s3multi.webapp.fault;

import io.s3multi.webapp.s3.S3TestGateway;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * A fault-injecting HTTP/1.1 proxy for integration tests, between a gateway under test and the real Swift. It
 * listens on 127.0.0.1, port 0, relays every request to the upstream Swift on a connection of its own
 * ({@code Connection: close} towards Swift, keep-alive towards the gateway), streams bodies in both directions
 * and applies the {@link Fault} of the first {@link Rule} that strikes a request: hold until released, answer
 * a status itself, reset or truncate at a chosen byte of a body, stall. {@link #down()} makes Swift
 * unreachable (connections refused, open ones reset) until {@link #up()}.
 *
 * <p>The {@code Host} field is forwarded as sent, so tempauth's storage URLs name the proxy and a gateway that
 * logs in through it stays behind it. {@link #gatewayConfiguration()} gives the test configuration with every
 * {@code swift_url} pointed here.
 *
 * <pre>{@code
 * try (var proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
 *      var gateway = S3TestGateway.start(proxy.gatewayConfiguration())) {
 *     Hold hold = proxy.when(r -> r.method().equals("PUT") && r.isSegment()).times(1).then(Fault.hold());
 *     ... start an UploadPart on another thread; hold.awaitHeld(...); ...; hold.release();
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private final LongAdder bytesToSwift = new LongAdder();
    private final LongAdder bytesFromSwift = new LongAdder();
    private final int port;
    private volatile ServerSocket listener;

    private FaultProxy(URI upstream) throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** Starts a proxy in front of the Swift at {@code upstreamUrl} (scheme, host and port are used). */
    public static FaultProxy start(String upstreamUrl) throws IOException {
        return new FaultProxy(URI.create(upstreamUrl));
    }

    /** {@code http://127.0.0.1:<port>}: the Swift URL for the gateway under test. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** {@link S3TestGateway#configuration()} with the {@code swift_url} of every filter pointing at this proxy. */
    public Properties gatewayConfiguration() {
        Properties configuration = S3TestGateway.configuration();
        for (String name : configuration.stringPropertyNames()) {
            if (name.endsWith(".swift_url")) {
                configuration.setProperty(name, url());
            }
        }
        return configuration;
    }

    /** Adds a rule for the requests {@code match} accepts; configure it with the returned {@link Rule}. */
    public Rule when(Predicate<SwiftRequest> match) {
        var rule = new Rule(match);
        rules.add(rule);
        return rule;
    }

    /** Removes every rule: from now on everything is forwarded. */
    public void clearRules() {
        rules.clear();
    }

    /** Every request seen so far, in arrival order, as {@code "<method> <path>[?query] -> <fault>"}. */
    public List<String> log() {
        return new ArrayList<>(log);
    }

    /**
     * Every byte sent to Swift so far (request heads and bodies as on the wire): what a test of a server-side
     * operation compares with the object's size, as the gateway's own access record cannot tell a server-side
     * copy from one the gateway downloads and uploads again.
     */
    public long bytesToSwift() {
        return bytesToSwift.sum();
    }

    /** Every byte received from Swift so far (response heads and bodies as on the wire). */
    public long bytesFromSwift() {
        return bytesFromSwift.sum();
    }

    /** {@link #bytesToSwift()} plus {@link #bytesFromSwift()}. */
    public long bytesExchanged() {
        return bytesToSwift() + bytesFromSwift();
    }

    /** Swift goes away: new connections are refused and the open ones reset, until {@link #up()}. */
    public synchronized void down() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    /** Swift is back, on the same port. */
    public synchronized void up() throws IOException {
        if (listener == null) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        down();
        threads.shutdownNow();
    }

    Fault faultFor(SwiftRequest request) {
        Fault fault = Fault.forward();
        for (Rule rule : rules) {
            Fault struck = rule.strike(request);
            if (struck != null) {
                fault = struck;
                break;
            }
        }
        log.add(request + " -> " + fault);
        return fault;
    }

    InetSocketAddress upstream() {
        return upstream;
    }

    ExecutorService threads() {
        return threads;
    }

    CountDownLatch closed() {
        return closed;
    }

    /** Opens a socket to Swift, tracked so that {@link #down()} and {@link #close()} reach it. */
    Socket connectUpstream() throws IOException {
        var socket = new Socket();
        track(socket);
        socket.connect(upstream, 5_000);
        return socket;
    }

    OutputStream countingToSwift(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                bytesToSwift.increment();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                bytesToSwift.add(length);
            }
        };
    }

    InputStream countingFromSwift(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    bytesFromSwift.increment();
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int read = in.read(bytes, offset, length);
                if (read > 0) {
                    bytesFromSwift.add(read);
                }
                return read;
            }
        };
    }

    void track(Socket socket) {
        sockets.add(socket);
    }

    void untrack(Socket socket) {
        sockets.remove(socket);
    }

    /** Closes with an RST rather than a FIN. */
    static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException alreadyClosed) {
            // nothing to reset
        }
        closeQuietly(socket);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        var server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        return server;
    }

    private void accept(ServerSocket server) {
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    track(client);
                    threads.execute(new ProxyConnection(this, client));
                } catch (IOException stopped) {
                    return;
                } catch (RejectedExecutionException closing) {
                    return;
                }
            }
        });
    }
}
