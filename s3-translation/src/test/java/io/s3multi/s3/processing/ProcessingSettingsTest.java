package io.s3multi.s3.processing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessingSettingsTest {

    private static ProcessingSettings settings(List<String> steps, URI webhook) {
        return new ProcessingSettings(steps, new InetSocketAddress("127.0.0.1", 3310), Duration.ofSeconds(1),
                webhook, 3, Duration.ofSeconds(1), false);
    }

    @Test
    void noStepsMeansNoProcessing() {
        assertTrue(ConfiguredSteps.of(settings(List.of(), null)).isEmpty());
        assertTrue(ConfiguredSteps.of(settings(List.of(), null)) == ProcessingSteps.NONE);
    }

    @Test
    void anUnknownStepIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(List.of("checksum", "antivirus"), null));
    }

    @Test
    void aStepNamedTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> settings(List.of("clamav", "clamav"), null));
    }

    @Test
    void theWebhookNeedsItsUrl() {
        assertThrows(IllegalArgumentException.class, () -> settings(List.of("webhook"), null));
        settings(List.of("webhook"), URI.create("http://127.0.0.1:9/hook"));
    }
}
