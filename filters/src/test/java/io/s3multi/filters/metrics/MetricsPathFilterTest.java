package io.s3multi.filters.metrics;

import static io.s3multi.filters.metrics.S3RequestMetersTest.assertLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.filters.testing.Ports;
import io.s3multi.filters.testing.RawHttp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics.path} on the gateway's own port (the WAR's way): served before every stage to allowed readers with
 * the token, refused to others, and absent unless configured. No backend listens: proxy_server's 404 shows that a
 * request went past the metrics filter.
 */
class MetricsPathFilterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PIPELINE = "catch_errors proxy_logging healthcheck proxy_server";

    private static GatewayUnderTest start(String... keyValues) throws Exception {
        String[] all = new String[keyValues.length + 2];
        all[0] = "filter.proxy_server.swift_url";
        all[1] = "http://127.0.0.1:" + Ports.closed();
        System.arraycopy(keyValues, 0, all, 2, keyValues.length);
        return GatewayUnderTest.start(GatewayUnderTest.config(PIPELINE, all));
    }

    private static HttpResponse<String> get(GatewayUnderTest gateway, String path, String... headers)
            throws Exception {
        var request = HttpRequest.newBuilder(gateway.uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConfiguredPathServesTheCountsOfRequestsToReadersWithTheToken() throws Exception {
        try (var gateway = start("metrics.path", "/_metrics", "metrics.token", "t0ken")) {
            assertEquals(200, get(gateway, "/healthcheck").statusCode());
            assertEquals(200, get(gateway, "/healthcheck").statusCode());
            assertEquals(404, get(gateway, "/nothing").statusCode());

            HttpResponse<String> refused = get(gateway, "/_metrics");
            assertEquals(401, refused.statusCode());
            assertFalse(refused.body().contains("s3multi_"), refused.body());
            assertEquals(401, get(gateway, "/_metrics", "Authorization", "Bearer wrong").statusCode());

            HttpResponse<String> scrape = get(gateway, "/_metrics", "Authorization", "Bearer t0ken");
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElseThrow().contains("version=0.0.4"));
            assertLine(scrape.body(), "s3multi_s3_requests_total{operation=\"none\",status=\"200\"} 2.0");
            assertLine(scrape.body(), "s3multi_s3_requests_total{operation=\"none\",status=\"404\"} 1.0");
            assertTrue(scrape.body().lines().anyMatch(l -> l.startsWith("jvm_memory_used_bytes{")), "JVM metrics");
            assertFalse(scrape.body().contains("status=\"401\""), "scrapes are not client requests: "
                    + scrape.body());
        }
    }

    /** docs/METRICS.md names every metric family a gateway exposes; the Grafana dashboard uses only those. */
    @Test
    void everyMetricIsDocumentedAndTheDashboardUsesOnlyDocumentedOnes() throws Exception {
        String documented = Files.readString(Path.of("..", "docs", "METRICS.md"));
        String dashboard = Files.readString(Path.of("..", "docs", "grafana-dashboard.json"));
        JsonNode panels = new ObjectMapper().readTree(dashboard).get("panels");
        assertTrue(panels.size() >= 10, "panels for the main metrics");
        try (var gateway = start("metrics.path", "/_metrics")) {
            assertEquals(200, get(gateway, "/healthcheck").statusCode());
            String scrape = get(gateway, "/_metrics").body();
            Set<String> families = scrape.lines().filter(line -> line.startsWith("# TYPE "))
                    .map(line -> line.split(" ")[2]).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(families.contains("s3multi_s3_requests") || families.contains("s3multi_s3_requests_total"),
                    families.toString());
            for (String family : families) {
                String name = family.replaceAll("_max$", "");   // a timer's _max goes with its histogram
                assertTrue(documented.contains("`" + name),
                        family + " is not described in docs/METRICS.md");
            }
        }
        Matcher used = Pattern.compile("\\b((?:s3multi|jvm|process|system)_[a-z0-9_]+)").matcher(dashboard);
        while (used.find()) {
            String name = used.group(1).replaceAll("_(bucket|sum|count|max)$", "");
            assertTrue(documented.contains("`" + name), name + " (dashboard) is not in docs/METRICS.md");
        }
    }

    @Test
    void anAddressNotAllowedIsRefused() throws Exception {
        try (var gateway = start("metrics.path", "/_metrics", "metrics.allow", "192.0.2.0/24")) {
            HttpResponse<String> refused = get(gateway, "/_metrics");
            assertEquals(403, refused.statusCode());
            assertFalse(refused.body().contains("s3multi_"), refused.body());
        }
    }

    @Test
    void otherPathsMethodsAndVirtualHostBucketsPassOn() throws Exception {
        try (var gateway = start("metrics.path", "/_metrics", "storage_domain", "s3.example.com")) {
            assertEquals(200, get(gateway, "/_metrics").statusCode());
            assertEquals(404, get(gateway, "/_metrics/x").statusCode());
            assertEquals(404, get(gateway, "/_metricsx").statusCode());
            assertEquals(404, HTTP.send(HttpRequest.newBuilder(gateway.uri("/_metrics"))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            RawHttp.Answer bucketHost = RawHttp.exchange(gateway.port(),
                    "GET /_metrics HTTP/1.1\nHost: photos.s3.example.com\nConnection: close");
            assertEquals(404, bucketHost.status(), "key _metrics of bucket photos: " + bucketHost.body());
        }
    }

    @Test
    void withoutMetricsSettingsNothingIsServedOrCollected() throws Exception {
        try (var gateway = start()) {
            HttpResponse<String> answer = get(gateway, "/_metrics");
            assertEquals(404, answer.statusCode());
            assertFalse(answer.body().contains("s3multi_"));
        }
    }
}
