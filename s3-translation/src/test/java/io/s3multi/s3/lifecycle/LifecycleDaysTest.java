package io.s3multi.s3.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleDaysTest {

    /** AWS's documented example: written 2014-01-15 10:30 UTC, 3 days: expires 2014-01-19 00:00 UTC. */
    @Test
    void awsExampleRoundsUpToTheNextMidnightUtc() {
        assertEquals(Instant.parse("2014-01-19T00:00:00Z"),
                LifecycleDays.REAL.after(Instant.parse("2014-01-15T10:30:00Z"), 3));
    }

    @Test
    void aTimeOnTheBoundaryMovesToTheNextOne() {
        assertEquals(Instant.parse("2014-01-17T00:00:00Z"),
                LifecycleDays.REAL.after(Instant.parse("2014-01-15T00:00:00Z"), 1));
    }

    @Test
    void aShortDayRoundsToItsOwnMultiplesSinceTheEpoch() {
        LifecycleDays twoSeconds = new LifecycleDays(Duration.ofSeconds(2));
        assertEquals(Instant.ofEpochSecond(1006), twoSeconds.after(Instant.ofEpochSecond(1001, 500_000_000), 2));
        assertEquals(Instant.ofEpochSecond(1008), twoSeconds.after(Instant.ofEpochSecond(1002), 2));
    }
}
