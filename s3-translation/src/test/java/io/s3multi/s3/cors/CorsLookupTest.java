package io.s3multi.s3.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.s3multi.swift.error.SwiftException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsLookupTest {

    private static final byte[] STORED = ("<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin>"
            + "<AllowedMethod>GET</AllowedMethod></CORSRule></CORSConfiguration>").getBytes(StandardCharsets.UTF_8);

    private final List<String> reads = new ArrayList<>();
    private Optional<byte[]> stored = Optional.of(STORED);

    private Optional<byte[]> read(String bucket) throws SwiftException {
        reads.add(bucket);
        return stored;
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBucketsRulesAreReadOncePerTtlAndAgainAfterItOrAfterForget() throws SwiftException {
        var clock = new MovableClock();
        var lookup = new CorsLookup(Duration.ofSeconds(5), Optional.empty(), clock);
        assertEquals(1, lookup.rulesOf("b", this::read).orElseThrow().rules().size());
        lookup.rulesOf("b", this::read);
        assertEquals(List.of("b"), reads);
        clock.now = clock.now.plusSeconds(5);
        lookup.rulesOf("b", this::read);
        assertEquals(List.of("b", "b"), reads);
        lookup.forget("b");
        lookup.rulesOf("b", this::read);
        assertEquals(3, reads.size());
    }

    @Test
    void aZeroTtlReadsEveryTime() throws SwiftException {
        var lookup = new CorsLookup(Duration.ZERO, Optional.empty(), Clock.systemUTC());
        lookup.rulesOf("b", this::read);
        lookup.rulesOf("b", this::read);
        assertEquals(2, reads.size());
    }

    @Test
    void theDefaultsApplyOnlyToBucketsWithoutRulesOfTheirOwn() throws SwiftException {
        CorsRules defaults = CorsRules.parse(STORED);
        var lookup = new CorsLookup(Duration.ZERO, Optional.of(defaults), Clock.systemUTC());
        assertEquals(defaults.rules(), lookup.rulesOf("own", this::read).orElseThrow().rules());
        stored = Optional.empty();
        assertSame(defaults, lookup.rulesOf("none", this::read).orElseThrow());
    }

    @Test
    void aStoredDocumentThatNoLongerParsesCountsAsNone() throws SwiftException {
        stored = Optional.of("<CORSConfiguration/>".getBytes(StandardCharsets.UTF_8));
        var lookup = new CorsLookup(Duration.ZERO, Optional.empty(), Clock.systemUTC());
        assertEquals(Optional.empty(), lookup.rulesOf("b", this::read));
    }
}
