package io.s3multi.filters.s3token;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.s3multi.s3.auth.SecretAccessKey;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SignedRequestParser;
import io.s3multi.s3.http.RequestHead;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Keystone client against a stub Keystone: exact request shapes, answers, and bounded waiting. */
class KeystoneClientTest {

    @RegisterExtension
    static WireMockExtension keystone = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .disableStrictHttpHeaders(true))   // see ProxyServerFilterTest
            .build();

    private static final String ACCESS = "demo-access";
    private static final String CREDENTIAL_ID = "644fdac9f3bfa73cb8631497e4db1ebded912c7145e4a3ac63d79a46009c7dc1";

    private KeystoneClient client;

    private KeystoneClient client(Duration requestTimeout) {
        URI authUrl = URI.create(keystone.baseUrl() + "/v3");
        var config = new S3TokenConfig(authUrl, "s3multi", "pw", "service", "default",
                URI.create("http://127.0.0.1:8083"), "AUTH_", Duration.ofSeconds(60), Duration.ofSeconds(2),
                requestTimeout, Duration.ofMinutes(15), Set.of("member"), Duration.ofSeconds(10), 100, 8);
        var http = new KeystoneHttp(authUrl, config.connectTimeout(), config.requestTimeout());
        client = new KeystoneClient(http, new ServiceTokenKeeper(new KeystonePasswordLogin(http, config),
                Duration.ofMinutes(5), Clock.systemUTC()));
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private static void stubLogin() {
        keystone.stubFor(post(urlEqualTo("/v3/auth/tokens?nocatalog"))
                .withRequestBody(equalToJson("{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": "
                        + "{\"user\": {\"name\": \"s3multi\", \"domain\": {\"id\": \"default\"}, \"password\": \"pw\"}}},"
                        + " \"scope\": {\"project\": {\"name\": \"service\", \"domain\": {\"id\": \"default\"}}}}}"))
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "service-token")
                        .withBody("{\"token\": {\"expires_at\": \"2099-01-01T00:00:00.000000Z\"}}")));
    }

    /** A SigV2 request whose string to sign is not a multiple of 3 bytes long, so its base64 needs padding. */
    private static SignedRequest signedV2() {
        var head = new RequestHead("GET", "/bucket/kk", null, Map.of(
                "Date", List.of("Sat, 21 Nov 2026 10:00:00 GMT"),
                "Authorization", List.of("AWS " + ACCESS + ":c2lnbmF0dXJl")));
        return SignedRequestParser.parse(head).orElseThrow();
    }

    @Test
    void s3tokensGetsPaddedBase64AndTheServiceTokenThenTheSecretIsRead() throws Exception {
        stubLogin();
        SignedRequest signed = signedV2();
        String padded = Base64.getEncoder().encodeToString(signed.stringToSign().getBytes(StandardCharsets.UTF_8));
        keystone.stubFor(post(urlEqualTo("/v3/s3tokens")).withHeader("X-Auth-Token", equalTo("service-token"))
                .withRequestBody(equalToJson("{\"credentials\": {\"access\": \"" + ACCESS + "\", \"token\": \""
                        + padded + "\", \"signature\": \"c2lnbmF0dXJl\"}}"))
                .willReturn(aResponse().withStatus(200).withBody("{\"token\": {\"user\": {\"id\": \"u1\", \"name\": "
                        + "\"demo\"}, \"project\": {\"id\": \"p1\", \"name\": \"demo\"}, \"roles\": [{\"name\": "
                        + "\"reader\"}, {\"name\": \"member\"}]}}")));
        keystone.stubFor(get(urlEqualTo("/v3/credentials/" + CREDENTIAL_ID))
                .withHeader("X-Auth-Token", equalTo("service-token"))
                .willReturn(aResponse().withStatus(200).withBody("{\"credential\": {\"blob\": "
                        + "\"{\\\"access\\\": \\\"demo-access\\\", \\\"secret\\\": \\\"demo-secret\\\"}\"}}")));

        KeystoneUser user = client(Duration.ofSeconds(5)).authenticate(signed);

        assertTrue(padded.endsWith("="), "the test's string to sign needs padding: " + padded);
        assertEquals("p1", user.projectId());
        assertEquals("demo", user.userName());
        assertEquals(Set.of("reader", "member"), user.roles());
        assertEquals(SecretAccessKey.of("demo-secret"), user.secret());
        assertEquals("AUTH_p1", user.identity("AUTH_").swiftAccount());
        assertEquals(3, client.requestsSent(), "login, s3tokens, credential");
        client.authenticate(signed);
        assertEquals(5, client.requestsSent(), "the service token is reused");
        keystone.verify(1, postRequestedFor(urlEqualTo("/v3/auth/tokens?nocatalog")));
    }

    @Test
    void unknownAccessKeyIsA404Refusal() {
        stubLogin();
        keystone.stubFor(post(urlEqualTo("/v3/s3tokens")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\": {\"code\": 404, \"message\": \"Could not find credential\"}}")));
        var refused = assertThrows(KeystoneRefusalException.class, () -> client(Duration.ofSeconds(5))
                .authenticate(signedV2()));
        assertEquals(404, refused.status());
    }

    @Test
    void aSilentKeystoneCostsAtMostTheRequestTimeout() {
        stubLogin();
        keystone.stubFor(post(urlEqualTo("/v3/s3tokens")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(5_000)));
        long start = System.nanoTime();
        assertThrows(KeystoneUnavailableException.class, () -> client(Duration.ofMillis(300))
                .authenticate(signedV2()));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis < 2_000, "took " + tookMillis + " ms");
    }

    @Test
    void aKeystoneThatFailsIsUnavailableNotARefusal() {
        keystone.stubFor(post(urlEqualTo("/v3/auth/tokens?nocatalog")).willReturn(aResponse().withStatus(500)));
        assertThrows(KeystoneUnavailableException.class, () -> client(Duration.ofSeconds(5)).authenticate(signedV2()));
    }
}
