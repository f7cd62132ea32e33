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
        return Math.round(sum(metrics, SWIFT_REQUESTS, ""));
    }

    /** The heap in use now: {@code jvm_memory_used_bytes} summed over the heap's pools. */
    static long heapUsed(URI metrics) {
        return Math.round(sum(metrics, "jvm_memory_used_bytes", "area=\"heap\""));
    }

    /** The sum of the samples of {@code name} whose labels contain {@code labels}. */
    private static double sum(URI metrics, String name, String labels) {
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
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
