package io.s3multi.swift.http;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Consumer;

/**
 * How a {@link SwiftTransport} moves one request and its answer over the wire: on Jetty's asynchronous client
 * ({@link JettyExchanges}) or on blocking sockets driven by the requesting thread ({@link SocketExchanges}). The
 * transport around it counts, times and reports; an implementation frames, pools and classifies its failures.
 */
interface Exchanges extends AutoCloseable {

    /**
     * Sends {@code request} to {@code uri} and waits for the final answer's status and headers.
     *
     * @param what method and path, for messages
     * @throws SwiftException typed as {@link FailureClassifier} does, whatever went wrong before the answer
     */
    Answer exchange(URI uri, SwiftRequest request, String what) throws SwiftException;

    /** How the connections are used now. */
    SwiftTransport.PoolUse poolUse();

    /** Closes every connection; requests in flight fail. */
    @Override
    void close();

    /**
     * An answer whose body is still on the wire.
     *
     * @param body  the body as it arrives (empty for HEAD, 204, 304); its read fails with an {@code IOException}
     *              whose cause says what broke
     * @param abort drops the exchange (and its connection) with the reason given
     */
    record Answer(int status, SwiftHeaders headers, InputStream body, Consumer<Throwable> abort) {
    }
}
