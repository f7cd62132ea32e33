package io.s3multi.swift;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftTraffic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Observers of {@link SwiftTraffic} see every answered request, failures included, until they close. */
class SwiftTrafficTest {

    private static final String ACCOUNT = WireMockSwift.ACCOUNT_PATH;

    @RegisterExtension
    static WireMockExtension swift = WireMockSwift.server();

    @Test
    void anObserverSeesEachAnsweredRequestUntilItCloses() throws Exception {
        swift.stubFor(head(urlPathEqualTo(ACCOUNT + "/c/here")).willReturn(aResponse().withStatus(200)));
        swift.stubFor(head(urlPathEqualTo(ACCOUNT + "/c/gone")).willReturn(aResponse().withStatus(404)));
        List<SwiftTraffic.Sent> seen = new CopyOnWriteArrayList<>();
        try (SwiftBackend backend = SwiftBackend.start(WireMockSwift.config(swift, Duration.ofSeconds(10)))) {
            SwiftAccount account = WireMockSwift.account(backend, swift);
            try (SwiftTraffic.Registration ignored = SwiftTraffic.observe(seen::add)) {
                account.objects().head("c", "here", SwiftHeaders.empty());
                assertThrows(SwiftHttpStatusException.class,
                        () -> account.objects().head("c", "gone", SwiftHeaders.empty()));
            }
            account.objects().head("c", "here", SwiftHeaders.empty());
        }
        List<String> described = seen.stream()
                .filter(sent -> sent.uri().getRawPath().startsWith(ACCOUNT + "/c/"))
                .map(sent -> sent.method() + " " + sent.uri().getRawPath() + " " + sent.status())
                .toList();
        assertEquals(List.of("HEAD " + ACCOUNT + "/c/here 200", "HEAD " + ACCOUNT + "/c/gone 404"), described);
    }
}
