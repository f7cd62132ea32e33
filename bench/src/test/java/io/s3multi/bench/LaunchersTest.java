package io.s3multi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchersTest {

    @Test
    void theGatewayRunsTheSerialCollectorOnTwoCoresUnlessTheRunChoosesOne() {
        assertEquals(List.of("-XX:+UseSerialGC"), Launchers.recommendedGc(List.of(), 2));
        assertEquals(List.of("-XX:+UseSerialGC"), Launchers.recommendedGc(List.of("-Xss1m"), 1));
        assertEquals(List.of(), Launchers.recommendedGc(List.of(), 4));
        assertEquals(List.of(), Launchers.recommendedGc(List.of("-XX:+UseG1GC"), 2));
        assertEquals(List.of(), Launchers.recommendedGc(List.of("-XX:+UseParallelGC", "-Xss1m"), 2));
    }
}
