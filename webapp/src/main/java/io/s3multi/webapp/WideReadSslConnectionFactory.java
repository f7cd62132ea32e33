package io.s3multi.webapp;

import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's TLS connections, reading up to {@link WideReadEngine#NETWORK_BUFFER_SIZE} of the network per system call
 * instead of one TLS record (16 KiB).
 *
 * <p>{@code SslConnection} sizes its buffer for encrypted input by the session's packet buffer size, one record, so
 * an upload over https took one {@code read} per 16 KiB where plain http takes one per 64 KiB: 0.20 CPU-s more per
 * GiB of kernel time (docs/BENCHMARKS.md). The engine handed to it reports a larger packet buffer, so that the
 * buffer holds several records. Nothing else changes: the bytes read ahead lie in Jetty's own buffer, which its
 * fill loop unwraps record by record and which it looks at before it waits for the network, exactly as it does
 * when one read brings several small records; so no byte can wait there while Jetty waits on the socket.
 */
final class WideReadSslConnectionFactory extends SslConnectionFactory {

    WideReadSslConnectionFactory(SslContextFactory.Server keys, String nextProtocol) {
        super(keys, nextProtocol);
    }

    @Override
    protected SslConnection newSslConnection(Connector connector, EndPoint endPoint, SSLEngine engine) {
        return super.newSslConnection(connector, endPoint, new WideReadEngine(engine));
    }
}
