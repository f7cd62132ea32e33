package io.s3multi.filters.s3token;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.auth.SignatureVerifier;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SignedRequestParser;
import io.s3multi.s3.auth.SigningKeyCache;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gate against a stub Keystone, counting what reaches Keystone: unknown keys and wrong signatures are
 * remembered for the negative TTL, a right signature is never locked out by wrong ones, concurrent misses share
 * one exchange.
 */
class KeystoneGateTest {

    @RegisterExtension
    static WireMockExtension keystone = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .disableStrictHttpHeaders(true))   // see ProxyServerFilterTest
            .build();

    private static final String ACCESS = "demo-access";
    private static final String SECRET = "demo-secret";
    private static final String CREDENTIAL_ID = "644fdac9f3bfa73cb8631497e4db1ebded912c7145e4a3ac63d79a46009c7dc1";
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private KeystoneClient client;
    private ExecutorService pool;

    /** Generous timeouts: on a loaded machine the stub's first answer can take seconds. */
    private KeystoneGate gate() {
        URI authUrl = URI.create(keystone.baseUrl() + "/v3");
        var config = new S3TokenConfig(authUrl, "s3multi", "pw", "service", "default",
                URI.create("http://127.0.0.1:8083"), "AUTH_", Duration.ofSeconds(60), Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofMinutes(15), Set.of("member"), NEGATIVE_TTL, 100, 8);
        var http = new KeystoneHttp(authUrl, config.connectTimeout(), config.requestTimeout());
        client = new KeystoneClient(http, new ServiceTokenKeeper(new KeystonePasswordLogin(http, config),
                Duration.ofMinutes(5), clock));
        return new KeystoneGate(client, new SignatureVerifier(clock, Duration.ofMinutes(15), "us-east-1", new SigningKeyCache()),
                new CredentialCache(Duration.ofSeconds(60), clock, 100),
                new ExpiringCache<>(NEGATIVE_TTL, clock, 100), new KeystoneFlights(8, Duration.ofSeconds(30)));
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static void stubLogin() {
        keystone.stubFor(post(urlEqualTo("/v3/auth/tokens?nocatalog"))
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "service-token")
                        .withBody("{\"token\": {\"expires_at\": \"2099-01-01T00:00:00.000000Z\"}}")));
    }

    /** s3tokens vouches for the right signature of {@link #ACCESS} (when {@code enabled}), refuses any other. */
    private static void stubKeystoneKnowing(boolean enabled) {
        stubLogin();
        keystone.stubFor(post(urlEqualTo("/v3/s3tokens"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": {\"code\": 401}}")));
        if (enabled) {
            keystone.stubFor(post(urlEqualTo("/v3/s3tokens"))
                    .withRequestBody(containing(signedV2(ACCESS, SECRET).signature()))
                    .willReturn(aResponse().withStatus(200).withBody("{\"token\": {\"user\": {\"id\": \"u1\", "
                            + "\"name\": \"demo\"}, \"project\": {\"id\": \"p1\", \"name\": \"demo\"}, "
                            + "\"roles\": [{\"name\": \"member\"}]}}")));
        }
        keystone.stubFor(get(urlEqualTo("/v3/credentials/" + CREDENTIAL_ID))
                .willReturn(aResponse().withStatus(200).withBody("{\"credential\": {\"blob\": "
                        + "\"{\\\"access\\\": \\\"demo-access\\\", \\\"secret\\\": \\\"demo-secret\\\"}\"}}")));
    }

    /** A SigV2 request of {@code access} signed with {@code secret}, at the test clock's time. */
    static SignedRequest signedV2(String access, String secret) {
        SignedRequest unsigned = v2("AWS " + access + ":placeholder");
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(
                    hmac.doFinal(unsigned.stringToSign().getBytes(StandardCharsets.UTF_8)));
            return v2("AWS " + access + ":" + signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static SignedRequest v2(String authorization) {
        return SignedRequestParser.parse(new RequestHead("GET", "/bucket/kk", null, Map.of(
                "Date", List.of("Sat, 21 Nov 2026 10:00:00 GMT"), "Authorization", List.of(authorization))))
                .orElseThrow();
    }

    private static void assertSignatureDoesNotMatch(KeystoneGate gate, SignedRequest signed) {
        S3AuthException refused = assertThrows(S3AuthException.class, () -> gate.userFor(signed));
        assertEquals("SignatureDoesNotMatch", refused.code().wireCode());
    }

    @Test
    void aWrongSignatureOnARealKeyCostsKeystoneTwoRequestsPerNegativeTtlNotPerRequest() {
        stubKeystoneKnowing(true);
        KeystoneGate gate = gate();
        for (int i = 0; i < 20; i++) {
            assertSignatureDoesNotMatch(gate, signedV2(ACCESS, "guess-" + i));
        }
        assertEquals(3, client.requestsSent(), "login, s3tokens and the secret, once");

        clock.advance(NEGATIVE_TTL);
        assertSignatureDoesNotMatch(gate, signedV2(ACCESS, "guess-again"));
        assertEquals(5, client.requestsSent(), "asked again once the TTL is over");
    }

    @Test
    void wrongGuessesNeverLockTheRealUserOut() {
        stubKeystoneKnowing(true);
        KeystoneGate gate = gate();
        assertSignatureDoesNotMatch(gate, signedV2(ACCESS, "a-wrong-guess"));

        Optional<KeystoneUser> user = gate.userFor(signedV2(ACCESS, SECRET));

        assertEquals("u1", user.orElseThrow().userId(), "the right signature is vouched for at once");
        assertEquals(5, client.requestsSent(), "login, s3tokens + secret for the guess, s3tokens + secret for it");
        // Vouched for: the stage checks every signature with the cached secret from now on, Keystone is not asked.
        assertEquals("u1", gate.userFor(signedV2(ACCESS, "another-guess")).orElseThrow().userId());
        assertEquals(5, client.requestsSent());
    }

    @Test
    void aRightSignatureKeystoneRefusesIsAccessDeniedAndRememberedForTheNegativeTtl() {
        stubKeystoneKnowing(false);   // user disabled: Keystone refuses even the right signature
        KeystoneGate gate = gate();
        for (int i = 0; i < 5; i++) {
            S3Exception denied = assertThrows(S3Exception.class, () -> gate.userFor(signedV2(ACCESS, SECRET)));
            assertEquals("AccessDenied", denied.code().wireCode());
        }
        assertEquals(4, client.requestsSent(), "login, s3tokens, the secret, s3tokens once more; then remembered");
        assertSignatureDoesNotMatch(gate, signedV2(ACCESS, "wrong"));

        stubKeystoneKnowing(true);    // enabled again: works once the negative TTL is over
        clock.advance(NEGATIVE_TTL);
        assertEquals("u1", gate.userFor(signedV2(ACCESS, SECRET)).orElseThrow().userId());
    }

    @Test
    void anUnknownKeyIsRememberedForTheNegativeTtl() {
        stubLogin();
        keystone.stubFor(post(urlEqualTo("/v3/s3tokens")).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\": {\"code\": 404, \"message\": \"Could not find credential\"}}")));
        KeystoneGate gate = gate();
        for (int i = 0; i < 20; i++) {
            assertTrue(gate.userFor(signedV2("nobody", "x" + i)).isEmpty());
        }
        assertEquals(2, client.requestsSent(), "login and one s3tokens");
        clock.advance(NEGATIVE_TTL);
        assertTrue(gate.userFor(signedV2("nobody", "x")).isEmpty());
        assertEquals(3, client.requestsSent());
    }

    @Test
    void concurrentMissesForOneKeyShareOneKeystoneExchange() throws Exception {
        stubKeystoneKnowing(true);
        keystone.stubFor(post(urlEqualTo("/v3/s3tokens"))
                .withRequestBody(containing(signedV2(ACCESS, SECRET).signature()))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1_000).withBody("{\"token\": {\"user\": "
                        + "{\"id\": \"u1\"}, \"project\": {\"id\": \"p1\"}, \"roles\": [{\"name\": \"member\"}]}}")));
        KeystoneGate gate = gate();
        int requests = 12;
        pool = Executors.newFixedThreadPool(requests);
        List<Future<Optional<KeystoneUser>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(pool.submit(() -> gate.userFor(signedV2(ACCESS, SECRET))));
        }
        for (Future<Optional<KeystoneUser>> answer : answers) {
            assertEquals("u1", answer.get(30, TimeUnit.SECONDS).orElseThrow().userId());
        }
        // Requests that arrived after the exchange ended found the cache: either way one s3tokens in all.
        keystone.verify(1, postRequestedFor(urlEqualTo("/v3/s3tokens")));
        assertEquals(3, client.requestsSent());
    }
}
