package io.s3multi.webapp.s3.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;

/**
 * The lifecycle rules run by the gateway's own background worker (lifecycle day 2 s, a pass every second): an
 * expired object disappears from Swift without anyone asking, another stays; the header dates with the same day; the
 * gateway's metrics count what the job did.
 */
class LifecycleWorkerIT {

    private static String scrape(S3TestGateway gateway) throws Exception {
        URI metrics = gateway.server().metricsUri().orElseThrow();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theWorkerExpiresObjectsOnItsOwn() throws Exception {
        Properties configuration = S3TestGateway.configuration();
        configuration.setProperty("filter.s3api.worker_interval", "1");
        configuration.setProperty("filter.s3api.lifecycle_day", "2");
        configuration.setProperty("metrics.port", "0");
        String bucket = S3TestGateway.uniqueBucket();
        try (S3TestGateway gateway = S3TestGateway.start(configuration)) {
            try {
                S3Client s3 = gateway.s3();
                s3.createBucket(b -> b.bucket(bucket));
                s3.putBucketLifecycleConfiguration(p -> p.bucket(bucket).lifecycleConfiguration(c -> c.rules(r -> r
                        .id("old").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("old/"))
                        .expiration(e -> e.days(1)))));
                String expiration = s3.putObject(p -> p.bucket(bucket).key("old/a"), RequestBody.fromString("a"))
                        .expiration();
                s3.putObject(p -> p.bucket(bucket).key("keep/b"), RequestBody.fromString("b"));
                Instant expires = ZonedDateTime.parse(expiration.replaceAll("expiry-date=\"([^\"]*)\".*", "$1"),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                assertTrue(expires.isBefore(Instant.now().plusSeconds(6)), expiration);

                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (S3TestGateway.objectNames(gateway.swift(), bucket).contains("old/a")) {
                    assertTrue(Instant.now().isBefore(deadline), "the worker did not expire old/a within 60 s");
                    Thread.sleep(250);   // polling the worker, which runs on its own schedule
                }
                assertEquals(List.of("keep/b"), S3TestGateway.objectNames(gateway.swift(), bucket));
                String expired = "s3multi_background_actions_total{action=\"expire\",job=\"lifecycle\","
                        + "performed=\"true\"}";
                assertTrue(scrape(gateway).lines().anyMatch(line -> line.startsWith(expired + " ")
                        && Double.parseDouble(line.substring(expired.length() + 1)) >= 1), scrape(gateway));
            } finally {
                gateway.deleteBucketDirectly(bucket);
            }
        }
    }
}
