package io.s3multi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a counter from the s3multi gateway's Prometheus text ({@code GET /metrics} on its metrics listener). */
final class GatewayMetricsReader {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SWIFT_REQUESTS = "s3multi_swift_requests_total";

    private GatewayMetricsReader() {
    }

    /** The sum of {@code s3multi_swift_requests_total} over its labels (method, status). */
    static long swiftRequests(URI metrics) {
        String text;
        try {
            text = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + metrics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + metrics, e);
        }
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(SWIFT_REQUESTS + "{") || line.startsWith(SWIFT_REQUESTS + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }
}
