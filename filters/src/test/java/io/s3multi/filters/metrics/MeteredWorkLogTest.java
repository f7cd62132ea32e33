package io.s3multi.filters.metrics;

import static io.s3multi.filters.metrics.S3RequestMetersTest.assertLine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.s3multi.s3.background.WorkLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteredWorkLogTest {

    @Test
    void countsEachActionByJobAndModeAndPassesTheRecordOn() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<String> passed = new ArrayList<>();
        WorkLog log = new MeteredWorkLog(registry, "sweep", (container, object, action, reason, performed) ->
                passed.add(container + "/" + object + " " + action));
        log.record("b_segments", "k/1", "delete", "orphan", true);
        log.record("b_segments", "k/2", "delete", "orphan", true);
        log.record("b_segments", "k/3", "delete", "orphan", false);
        String text = registry.scrape();
        assertLine(text, "s3multi_background_actions_total{action=\"delete\",job=\"sweep\",performed=\"true\"} 2.0");
        assertLine(text, "s3multi_background_actions_total{action=\"delete\",job=\"sweep\",performed=\"false\"} 1.0");
        assertEquals(List.of("b_segments/k/1 delete", "b_segments/k/2 delete", "b_segments/k/3 delete"), passed);
    }
}
