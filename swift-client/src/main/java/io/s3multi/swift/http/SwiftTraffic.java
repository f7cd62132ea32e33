package io.s3multi.swift.http;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who may watch the requests every {@link SwiftTransport} of this JVM sends to Swift: tests that must show what an
 * S3 operation costs in Swift requests (e.g. that a ListParts page is one container listing, whatever the number
 * of parts stored), and diagnostics.
 *
 * <p>The gateway's stages each hold their own Swift client, built from configuration, so an observer cannot be
 * handed to one of them; it is registered here, for the whole JVM, and removed by closing its registration.
 * Without observers the cost per request is one read of an empty list.
 */
public final class SwiftTraffic {

    /** One request as Swift answered it (the status is known, the body may still be streaming). */
    public record Sent(String method, URI uri, int status) {

        /** The request's raw query, or an empty string. */
        public String query() {
            return uri.getRawQuery() == null ? "" : uri.getRawQuery();
        }
    }

    /** Stops an observer when closed. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final List<Consumer<Sent>> OBSERVERS = new CopyOnWriteArrayList<>();

    private SwiftTraffic() {
    }

    /** Calls {@code observer} for every answered request from now until the registration is closed. */
    public static Registration observe(Consumer<Sent> observer) {
        Objects.requireNonNull(observer, "observer");
        OBSERVERS.add(observer);
        return () -> OBSERVERS.remove(observer);
    }

    static void answered(String method, URI uri, int status) {
        if (OBSERVERS.isEmpty()) {
            return;
        }
        Sent sent = new Sent(method, uri, status);
        for (Consumer<Sent> observer : OBSERVERS) {
            observer.accept(sent);
        }
    }
}
