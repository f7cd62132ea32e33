package io.s3multi.s3.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeferredProcessingStepsTest {

    @Test
    void theStepsAreLookedUpWhenUsedAndNoneMeansNone() throws Exception {
        AtomicReference<ProcessingSteps> published = new AtomicReference<>();
        ProcessingSteps deferred = ProcessingSteps.deferred(published::get);
        assertTrue(deferred.isEmpty(), "nothing published yet: no steps");
        assertEquals(ProcessingVerdict.publish(), deferred.process(null));

        published.set(new ConfiguredSteps(new ProcessingSettings(List.of("clamav"),
                new InetSocketAddress("127.0.0.1", 3310), Duration.ofSeconds(1), URI.create("http://127.0.0.1:9/"),
                1, Duration.ofSeconds(1), false)));
        assertFalse(deferred.isEmpty());
    }
}
