package io.s3multi.swift;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.s3multi.swift.auth.AuthToken;
import io.s3multi.swift.auth.FixedTokenSource;
import java.net.URI;
import java.time.Duration;

/** A WireMock server that plays Swift on 127.0.0.1, and clients aimed at it. */
final class WireMockSwift {

    static final String ACCOUNT_PATH = "/v1/AUTH_test";

    private WireMockSwift() {
    }

    /** A WireMock extension bound to loopback on a free port (never {@code @WireMockTest}: it binds 0.0.0.0). */
    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    static SwiftClientConfig config(WireMockExtension server, Duration idleTimeout) {
        return SwiftClientConfig.defaults(URI.create(server.baseUrl()))
                .withConnectTimeout(Duration.ofSeconds(2))
                .withIdleTimeout(idleTimeout);
    }

    /** An account with a fixed token at {@value #ACCOUNT_PATH} on the server. */
    static SwiftAccount account(SwiftBackend backend, WireMockExtension server) {
        return backend.account(new FixedTokenSource(
                new AuthToken("AUTH_tk_fixed", URI.create(server.baseUrl() + ACCOUNT_PATH), null)));
    }
}
