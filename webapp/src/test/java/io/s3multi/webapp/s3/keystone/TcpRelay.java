package io.s3multi.webapp.s3.keystone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback TCP relay in front of a real server (Keystone, Swift), so a test can take it away from one gateway
 * without stopping the shared dev server: {@link Mode#FORWARD} passes bytes both ways, {@link Mode#SILENT} accepts
 * new connections and never answers (a stuck server), {@link Mode#STALLED} does that too and also stops passing
 * bytes on connections already open (a server that hangs mid-conversation, pooled connections included),
 * {@link Mode#REFUSING} resets the open connections and every new one until the mode changes (a server away for a
 * while), and {@link #close()} refuses connections (server stopped). It counts the bytes clients sent through it.
 */
public final class TcpRelay implements AutoCloseable {

    public enum Mode { FORWARD, SILENT, STALLED, REFUSING }

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final LongAdder bytesFromClients = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile Mode mode = Mode.FORWARD;

    public TcpRelay(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-relay-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode newMode) {
        synchronized (this) {
            this.mode = newMode;
            notifyAll();
        }
        if (newMode == Mode.REFUSING) {
            sockets.forEach(TcpRelay::reset);
            sockets.clear();
        }
    }

    /** Bytes clients have sent through the relay so far. */
    public long bytesFromClients() {
        return bytesFromClients.sum();
    }

    /** Connections reset in {@link Mode#REFUSING} so far. */
    public long refused() {
        return refused.sum();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (mode == Mode.REFUSING) {
                    refused.increment();
                    reset(client);
                    continue;
                }
                sockets.add(client);
                if (mode != Mode.FORWARD) {
                    continue;  // held open, never answered
                }
                Socket target = new Socket(targetHost, targetPort);
                sockets.add(target);
                pump(client, target, bytesFromClients);
                pump(target, client, new LongAdder());
            } catch (IOException e) {
                // closed: stop accepting
            }
        }
    }

    private void pump(Socket from, Socket to, LongAdder counted) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    awaitNotStalled();
                    out.write(buffer, 0, n);
                    counted.add(n);
                }
            } catch (IOException | InterruptedException e) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Holds the bytes just read for as long as the relay is stalled (or until it is closed). */
    private synchronized void awaitNotStalled() throws InterruptedException {
        while (mode == Mode.STALLED && !server.isClosed()) {
            wait();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Closes with a TCP reset, as a server process that went away does. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            server.close();
            notifyAll();
        }
        sockets.forEach(TcpRelay::closeQuietly);
    }
}
