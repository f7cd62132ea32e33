package io.s3multi.swift.http;

import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.error.SwiftConnectionException;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftTimeoutException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;

/**
 * The keep-alive connections to one host:port, at most {@code maxConnections} of them, with at most
 * {@code maxQueuedRequests} requests waiting for one: a request beyond both is refused at once, and one that
 * waited a whole idle timeout gives up, so no thread waits without bound.
 *
 * <p>The most recently used idle connection is handed out first, so that a quiet period lets the others age out:
 * an idle connection older than the idle timeout is closed (Swift's proxy closes idle connections too), and each
 * one is looked at without blocking before it is handed out, so one that Swift closed is not used.
 */
final class HostPool {

    private final String host;
    private final int port;
    private final SSLContext tls;
    private final SwiftClientConfig config;
    private final long idleTimeoutNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final ArrayDeque<SocketConnection> idle = new ArrayDeque<>();
    private final Set<SocketConnection> open = new HashSet<>();
    private int connecting;
    private int waiting;
    private boolean closed;

    /** @param tls the TLS to speak, or {@code null} for plain HTTP */
    HostPool(String host, int port, SSLContext tls, SwiftClientConfig config) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.config = config;
        this.idleTimeoutNanos = config.idleTimeout().toNanos();
    }

    /**
     * A connection for one request: an idle one, unless {@code fresh}, or a new one.
     *
     * @throws IOException    when connecting failed (classified by the caller)
     * @throws SwiftException when the pool is full and the queue too, a wait ran out, or the thread was
     *                        interrupted while waiting
     */
    ConnectionLease lease(boolean fresh, String what) throws IOException, SwiftException {
        while (true) {
            SocketConnection candidate = reserve(fresh, what);
            if (candidate == null) {
                return new ConnectionLease(this, connect());
            }
            if (candidate.isReusable()) {
                return new ConnectionLease(this, candidate);
            }
            giveBack(candidate, false);
        }
    }

    /** An idle connection, or null once a place for a new one is reserved. */
    private SocketConnection reserve(boolean fresh, String what) throws SwiftException {
        lock.lock();
        try {
            long waitLeft = idleTimeoutNanos;
            while (true) {
                if (closed) {
                    throw new SwiftConnectionException(what + ": the Swift client is closed", null);
                }
                if (!fresh && !idle.isEmpty()) {
                    return idle.pollFirst();
                }
                if (open.size() + connecting < config.maxConnections()) {
                    connecting++;
                    return null;
                }
                if (waiting >= config.maxQueuedRequests()) {
                    throw new SwiftConnectionException(what + ": " + config.maxConnections() + " connections to "
                            + host + ":" + port + " busy and " + waiting + " requests waiting already; refused", null);
                }
                if (waitLeft <= 0) {
                    throw new SwiftTimeoutException(what + ": no connection to " + host + ":" + port
                            + " came free within the idle timeout", null);
                }
                waiting++;
                try {
                    waitLeft = available.awaitNanos(waitLeft);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new SwiftConnectionException(what + ": interrupted while waiting for a connection",
                            interrupted);
                } finally {
                    waiting--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private SocketConnection connect() throws IOException {
        SocketConnection connection = null;
        try {
            connection = SocketConnection.open(host, port, tls, config.connectTimeout(), config.idleTimeout());
            return connection;
        } finally {
            lock.lock();
            try {
                connecting--;
                if (connection != null) {
                    open.add(connection);
                } else {
                    available.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Takes a connection back: idle when {@code keep} and it is whole, otherwise closed. */
    void giveBack(SocketConnection connection, boolean keep) {
        boolean close;
        lock.lock();
        try {
            close = !keep || closed || !connection.isOpen();
            if (close) {
                open.remove(connection);
            } else {
                connection.markIdle(System.nanoTime());
                idle.addFirst(connection);
            }
            available.signal();
        } finally {
            lock.unlock();
        }
        if (close) {
            connection.close();
        }
    }

    /** The watchdog's round: fails reads and writes stalled for the idle timeout, closes connections idle that long. */
    void sweep(long now) {
        List<SocketConnection> all;
        List<SocketConnection> expired = new ArrayList<>();
        lock.lock();
        try {
            all = new ArrayList<>(open);
            while (!idle.isEmpty() && now - idle.peekLast().idleSince() >= idleTimeoutNanos) {
                SocketConnection old = idle.pollLast();
                open.remove(old);
                expired.add(old);
            }
        } finally {
            lock.unlock();
        }
        expired.forEach(SocketConnection::close);
        for (SocketConnection connection : all) {
            connection.closeIfStalled(now);
        }
    }

    /** Connections carrying a request now, and idle ones. */
    SwiftTransport.PoolUse use() {
        lock.lock();
        try {
            return new SwiftTransport.PoolUse(open.size() - idle.size(), idle.size());
        } finally {
            lock.unlock();
        }
    }

    /** Closes every connection, busy or not; requests in flight fail and none are taken any more. */
    void close() {
        List<SocketConnection> all;
        lock.lock();
        try {
            closed = true;
            all = new ArrayList<>(open);
            open.clear();
            idle.clear();
            available.signalAll();
        } finally {
            lock.unlock();
        }
        all.forEach(SocketConnection::close);
    }
}
