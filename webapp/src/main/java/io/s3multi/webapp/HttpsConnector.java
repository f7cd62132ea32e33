package io.s3multi.webapp;

import io.s3multi.filters.pipeline.ServerTls;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The launcher's port with TLS ({@code server.key_store}): the JDK's TLS (1.2 and 1.3, Jetty's default cipher
 * list) in front of the same HTTP/1.1 settings. Requests then report {@code https} and {@code isSecure()}, which the
 * pipeline passes on (e.g. as {@code aws:SecureTransport}).
 */
final class HttpsConnector {

    private HttpsConnector() {
    }

    static ServerConnector of(Server server, HttpConfiguration http, HttpConnectionFactory plain, ServerTls tls) {
        var keys = new SslContextFactory.Server();
        keys.setKeyStorePath(tls.keyStore().orElseThrow().toString());
        keys.setKeyStorePassword(tls.password());
        keys.setKeyStoreType(tls.type());
        // S3 clients address the gateway by IP or by any of its names; the certificate is the operator's business.
        http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        return new ServerConnector(server, new SslConnectionFactory(keys, plain.getProtocol()), plain);
    }
}
