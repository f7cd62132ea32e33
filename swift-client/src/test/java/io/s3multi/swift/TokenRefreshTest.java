package io.s3multi.swift;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.error.SwiftProtocolException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tempauth login, token caching, proactive renewal, and the one-refresh-one-retry rule on 401. */
class TokenRefreshTest {

    private static final String OBJECT = WireMockSwift.ACCOUNT_PATH + "/c/o";

    @RegisterExtension
    static WireMockExtension swift = WireMockSwift.server();

    private SwiftBackend backend;

    @BeforeEach
    void connect() {
        backend = SwiftBackend.start(WireMockSwift.config(swift, Duration.ofSeconds(10))
                .withTokenRefreshMargin(Duration.ofSeconds(60)));
    }

    @AfterEach
    void disconnect() {
        backend.close();
    }

    /** Each login hands out the next token: tk1, then tk2, then tk3. */
    private void stubLoginsInTurn(String expiresSeconds) {
        String[] tokens = {"tk1", "tk2", "tk3"};
        for (int i = 0; i < tokens.length; i++) {
            swift.stubFor(get(urlEqualTo("/auth/v1.0"))
                    .withHeader("X-Auth-User", equalTo("test:tester"))
                    .withHeader("X-Auth-Key", equalTo("testing"))
                    .inScenario("logins").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after-" + tokens[i - 1])
                    .willSetStateTo("after-" + tokens[i])
                    .willReturn(aResponse().withStatus(200)
                            .withHeader("X-Auth-Token", tokens[i])
                            .withHeader("X-Storage-Token", tokens[i])
                            .withHeader("X-Auth-Token-Expires", expiresSeconds)
                            .withHeader("X-Storage-Url", swift.baseUrl() + WireMockSwift.ACCOUNT_PATH)));
        }
    }

    private void stubHead(String token, int status) {
        swift.stubFor(head(urlEqualTo(OBJECT)).withHeader("X-Auth-Token", equalTo(token))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Length", "0")));
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndTheRequestRetriedOnce() throws Exception {
        stubLoginsInTurn("3600");
        stubHead("tk1", 401);
        stubHead("tk2", 200);

        SwiftReply reply = backend.tempAuthAccount("test:tester", "testing").objects().head("c", "o",
                SwiftHeaders.empty());

        assertEquals(200, reply.status());
        swift.verify(2, getRequestedFor(urlEqualTo("/auth/v1.0")));
        swift.verify(1, headRequestedFor(urlEqualTo(OBJECT)).withHeader("X-Auth-Token", equalTo("tk1")));
        swift.verify(1, headRequestedFor(urlEqualTo(OBJECT)).withHeader("X-Auth-Token", equalTo("tk2")));
    }

    @Test
    void aSecond401IsFinal() {
        stubLoginsInTurn("3600");
        stubHead("tk1", 401);
        stubHead("tk2", 401);

        SwiftHttpStatusException failure = assertThrows(SwiftHttpStatusException.class,
                () -> backend.tempAuthAccount("test:tester", "testing").objects().head("c", "o", SwiftHeaders.empty()));

        assertEquals(401, failure.status());
        swift.verify(2, getRequestedFor(urlEqualTo("/auth/v1.0")));
        swift.verify(2, headRequestedFor(urlEqualTo(OBJECT)));
    }

    @Test
    void aStreamedBodyThatSwiftAlreadyReadIsNotSentAgain() {
        stubLoginsInTurn("3600");
        // WireMock reads the whole body before it answers, as Swift would if it checked the token late.
        swift.stubFor(put(urlEqualTo(OBJECT)).willReturn(aResponse().withStatus(401)));

        SwiftHttpStatusException failure = assertThrows(SwiftHttpStatusException.class,
                () -> backend.tempAuthAccount("test:tester", "testing").objects().put("c", "o",
                        new ByteArrayInputStream(new byte[1000]), 1000, SwiftHeaders.empty()));

        assertEquals(401, failure.status());
        swift.verify(1, putRequestedFor(urlEqualTo(OBJECT)));
        // Not sent again, but the token is renewed so that the client's retry does not meet it.
        swift.verify(2, getRequestedFor(urlEqualTo("/auth/v1.0")));
    }

    @Test
    void aBodyHeldInMemoryIsSentAgainAfterRefresh() throws Exception {
        stubLoginsInTurn("3600");
        swift.stubFor(put(urlEqualTo(OBJECT)).withHeader("X-Auth-Token", equalTo("tk1"))
                .willReturn(aResponse().withStatus(401)));
        swift.stubFor(put(urlEqualTo(OBJECT)).withHeader("X-Auth-Token", equalTo("tk2"))
                .willReturn(aResponse().withStatus(201)));

        SwiftReply reply = backend.tempAuthAccount("test:tester", "testing").objects().put("c", "o",
                new byte[] {1, 2, 3}, SwiftHeaders.empty());

        assertEquals(201, reply.status());
        swift.verify(1, putRequestedFor(urlEqualTo(OBJECT)).withHeader("X-Auth-Token", equalTo("tk2"))
                .withHeader("Content-Length", equalTo("3")));
    }

    @Test
    void aCachedTokenIsReusedUntilItNearsExpiry() throws Exception {
        stubLoginsInTurn("3600");
        stubHead("tk1", 200);
        SwiftAccount account = backend.tempAuthAccount("test:tester", "testing");

        account.objects().head("c", "o", SwiftHeaders.empty());
        backend.tempAuthAccount("test:tester", "testing").objects().head("c", "o", SwiftHeaders.empty());

        swift.verify(1, getRequestedFor(urlEqualTo("/auth/v1.0")));
        assertSame(backend.tempAuth("test:tester", "testing"), backend.tempAuth("test:tester", "testing"));
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeUse() throws Exception {
        // 30 s left is inside the 60 s margin: every use renews.
        stubLoginsInTurn("30");
        stubHead("tk1", 200);
        stubHead("tk2", 200);
        SwiftAccount account = backend.tempAuthAccount("test:tester", "testing");

        account.objects().head("c", "o", SwiftHeaders.empty());
        account.objects().head("c", "o", SwiftHeaders.empty());

        swift.verify(2, getRequestedFor(urlEqualTo("/auth/v1.0")));
        swift.verify(1, headRequestedFor(urlEqualTo(OBJECT)).withHeader("X-Auth-Token", equalTo("tk2")));
    }

    @Test
    void badCredentialsAreA401FromTheAuthService() {
        swift.stubFor(get(urlEqualTo("/auth/v1.0")).willReturn(aResponse().withStatus(401)
                .withBody("<html><h1>Unauthorized</h1></html>")));

        SwiftHttpStatusException failure = assertThrows(SwiftHttpStatusException.class,
                () -> backend.tempAuthAccount("test:tester", "wrong").objects().head("c", "o", SwiftHeaders.empty()));

        assertEquals(401, failure.status());
        assertEquals("/auth/v1.0", failure.path());
    }

    @Test
    void anAuthAnswerWithoutStorageUrlIsAProtocolFailure() {
        swift.stubFor(get(urlEqualTo("/auth/v1.0")).willReturn(aResponse().withStatus(200)
                .withHeader("X-Auth-Token", "tk")));

        assertThrows(SwiftProtocolException.class,
                () -> backend.tempAuthAccount("test:tester", "testing").storageUrl());
    }
}
