package io.s3multi.webapp.s3.keystone;

import io.s3multi.filters.s3token.S3TokenFilter;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.FixedTokenSource;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.IOException;
import java.net.URI;
import java.util.Properties;

/**
 * What the Keystone tests share: the gateway configuration with s3token next to tempauth, the count of Keystone
 * requests a gateway made, and direct access to a project's Swift account on the Keystone proxy (with the
 * gateway's own reseller-admin token) to check what Swift stored.
 */
final class KeystoneGateway {

    static final String PIPELINE =
            "catch_errors proxy_logging healthcheck cors tempauth s3token s3multi s3api proxy_server";

    private KeystoneGateway() {
    }

    /** The harness's configuration with s3token in the pipeline, asking Keystone at {@code authUrl}. */
    static Properties configuration(String authUrl, int cacheTtlSeconds) {
        Properties properties = S3TestGateway.configuration();
        properties.setProperty("pipeline", PIPELINE);
        properties.setProperty("filter.s3token.auth_url", authUrl);
        properties.setProperty("filter.s3token.service_user", KeystoneAdmin.GATEWAY_USER);
        properties.setProperty("filter.s3token.service_password", KeystoneAdmin.GATEWAY_PASSWORD);
        properties.setProperty("filter.s3token.swift_url", KeystoneAdmin.KEYSTONE_SWIFT_URL);
        properties.setProperty("filter.s3token.cache_ttl", Integer.toString(cacheTtlSeconds));
        return properties;
    }

    /** How many requests the gateway's s3token stage has sent to Keystone so far. */
    static long keystoneRequests(S3TestGateway gateway) {
        return gateway.server().pipeline().filter("s3token", S3TokenFilter.class).keystoneRequests();
    }

    /** Direct Swift access to Keystone-proxy accounts, not through the gateway. */
    static final class DirectSwift implements AutoCloseable {
        private final SwiftBackend backend = SwiftBackend.start(
                SwiftClientConfig.defaults(URI.create(KeystoneAdmin.KEYSTONE_SWIFT_URL)));
        private final String token;

        DirectSwift() throws IOException {
            token = KeystoneAdmin.login(KeystoneAdmin.GATEWAY_USER, KeystoneAdmin.GATEWAY_PASSWORD, "service");
        }

        SwiftAccount account(String account) {
            return backend.account(new FixedTokenSource(new AuthToken(token,
                    URI.create(KeystoneAdmin.KEYSTONE_SWIFT_URL + "/v1/" + account), null)));
        }

        String token() {
            return token;
        }

        /** Deletes a container and its objects in {@code account}, if they exist. */
        void deleteContainer(String account, String container) {
            S3TestGateway.deleteContainer(account(account), container);
            S3TestGateway.deleteContainer(account(account), container + "_segments");
        }

        @Override
        public void close() {
            backend.close();
        }
    }
}
