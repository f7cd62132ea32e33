package io.s3multi.webapp.page;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** "Any web server": the page's built files served on a port of their own, so the page runs on another origin. */
final class StaticSite implements AutoCloseable {

    private final HttpServer server;

    StaticSite(Path directory) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = directory.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html"
                    : name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/plain");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (var body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
