package io.s3multi.swift.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that plays a scripted Swift byte by byte, for what a real one cannot be made to do on cue:
 * stay silent, stop reading, close a keep-alive connection, answer in HTTP/1.0 or chunks. Each accepted connection
 * runs {@link Script} on its own daemon thread; every request head it reads is recorded, raw.
 */
final class ScriptedServer implements AutoCloseable {

    /** What the server does on one connection; {@code connection} counts from 1. */
    @FunctionalInterface
    interface Script {
        void run(Peer peer, int connection) throws Exception;
    }

    /** One accepted connection. */
    final class Peer {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads a request head (up to its blank line), records it and returns it; null at the connection's end. */
        String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int next = in.read();
                if (next < 0) {
                    if (head.size() == 0) {
                        return null;
                    }
                    throw new EOFException("the client ended inside a request head");
                }
                head.write(next);
                matched = (next == '\r' && (matched == 0 || matched == 2)) || (next == '\n' && (matched == 1
                        || matched == 3)) ? matched + 1 : next == '\r' ? 1 : 0;
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            heads.add(text);
            return text;
        }

        /** Reads exactly {@code count} bytes. */
        byte[] readBytes(int count) throws IOException {
            return in.readNBytes(count);
        }

        /** Reads until the client's end, returning how many bytes came. */
        long drain() throws IOException {
            return in.transferTo(OutputStream.nullOutputStream());
        }

        void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket listener;
    private final String scheme;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final BlockingQueue<String> heads = new LinkedBlockingQueue<>();

    ScriptedServer(Script script) throws IOException {
        this(script, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), "http");
    }

    /** A server on {@code listener} (a TLS one, say), whose URLs have {@code scheme}. */
    ScriptedServer(Script script, ServerSocket listener, String scheme) {
        this.listener = listener;
        this.scheme = scheme;
        this.script = script;
        Thread acceptor = new Thread(this::accept, "scripted-swift");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int number = connections.incrementAndGet();
                Thread handler = new Thread(() -> {
                    try (socket) {
                        script.run(new Peer(socket), number);
                    } catch (Exception ended) {
                        // The client went away or the test is over: the script's end either way.
                    }
                }, "scripted-swift-" + number);
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    URI endpoint() {
        return URI.create(scheme + "://127.0.0.1:" + listener.getLocalPort());
    }

    /** How many connections were accepted so far. */
    int connections() {
        return connections.get();
    }

    /** The next request head read, or null if none within 5 s. */
    String nextHead() throws InterruptedException {
        return heads.poll(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
