package io.s3multi.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on a loopback port between a client and a gateway that breaks the connection in the middle of a
 * request, the way a mobile network does: once the bytes sent towards the gateway (all connections together) reach
 * the next of the given counts, it stops forwarding and waits for the test ({@link #awaitHeld}); {@link #cut}
 * then resets both sides at once. Until the test names the gateway to go on with ({@link #resume}) it holds new
 * connections, so a test can kill, restart or switch gateways while a request is half sent and before the client's
 * retry gets through.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Long> held = new LinkedBlockingQueue<>();
    private final BlockingQueue<Boolean> cuts = new LinkedBlockingQueue<>();
    private final Deque<Long> cutAt;
    private final Object lock = new Object();
    private long forwarded;
    private int gatewayPort;
    private volatile boolean closed;

    /** @param cutAt the totals of bytes towards the gateway at which to cut, ascending */
    CuttingProxy(int gatewayPort, List<Long> cutAt) throws IOException {
        this.gatewayPort = gatewayPort;
        this.cutAt = new ArrayDeque<>(cutAt);
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Waits until forwarding stops at the next count; the total of bytes forwarded towards the gateway then. */
    long awaitHeld(Duration limit) throws InterruptedException {
        Long at = held.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (at == null) {
            throw new AssertionError("not held within " + limit + " (" + forwarded() + " bytes forwarded)");
        }
        return at;
    }

    /** Resets the held connection on both sides. */
    void cut() {
        cuts.add(true);
    }

    /** Lets the held and new connections through to the gateway on {@code port}. */
    void resume(int port) {
        synchronized (lock) {
            gatewayPort = port;
            lock.notifyAll();
        }
    }

    long forwarded() {
        synchronized (lock) {
            return forwarded;
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread connection = new Thread(() -> connect(client), "cutting-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void connect(Socket client) {
        try {
            int port;
            synchronized (lock) {
                while (gatewayPort == 0 && !closed) {
                    lock.wait(1000);
                }
                port = gatewayPort;
            }
            Socket gateway = new Socket(InetAddress.getLoopbackAddress(), port);
            sockets.add(gateway);
            Thread back = new Thread(() -> copyBack(gateway, client), "cutting-proxy-back");
            back.setDaemon(true);
            back.start();
            forward(client, gateway);
        } catch (IOException | InterruptedException e) {
            reset(client);
        }
    }

    /** Client to gateway, counted, held at the next count until cut. */
    private void forward(Socket client, Socket gateway) throws IOException, InterruptedException {
        byte[] buffer = new byte[64 * 1024];
        InputStream in = client.getInputStream();
        OutputStream out = gateway.getOutputStream();
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                gateway.shutdownOutput();
                return;
            }
            int allowed = n;
            boolean cut = false;
            synchronized (lock) {
                Long next = cutAt.peek();
                if (next != null && forwarded + n >= next) {
                    allowed = (int) (next - forwarded);
                    cut = true;
                    cutAt.poll();
                    gatewayPort = 0;   // hold the client's retry until the test resumes
                }
                forwarded += allowed;
            }
            out.write(buffer, 0, allowed);
            if (cut) {
                out.flush();
                held.add(forwarded());
                cuts.take();
                reset(gateway);
                reset(client);
                return;
            }
        }
    }

    private void copyBack(Socket gateway, Socket client) {
        try {
            gateway.getInputStream().transferTo(client.getOutputStream());
            client.shutdownOutput();
        } catch (IOException e) {
            reset(client);
        }
    }

    /** Closes with a TCP reset, as a dropped network path looks to both ends once they notice. */
    private void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
        sockets.remove(socket);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        server.close();
        sockets.forEach(this::reset);
    }
}
