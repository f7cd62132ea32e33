package io.s3multi.s3.lifecycle.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.s3.lifecycle.LifecycleDays;
import io.s3multi.s3.lifecycle.LifecycleRules;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.container.VersionEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the rules decide for one key, with a day of 10 s and times in seconds since the epoch. */
class KeyVerdictsTest {

    private static final LifecycleDays DAY = new LifecycleDays(Duration.ofSeconds(10));
    private static final KeyVerdicts.Tags NO_TAGS = version -> Map.of();

    private static KeyVerdicts rules(String rules) {
        return new KeyVerdicts(LifecycleRules.parse(("<LifecycleConfiguration>" + rules + "</LifecycleConfiguration>")
                .getBytes(StandardCharsets.UTF_8)).enabled(), DAY);
    }

    private static VersionEntry version(String key, String id, long second) {
        return new VersionEntry(new ObjectEntry(key, 5, "h", Instant.ofEpochSecond(second), "text/plain", null, null),
                id, false);
    }

    private static VersionEntry marker(String key, String id, long second) {
        return new VersionEntry(new ObjectEntry(key, 0, "h", Instant.ofEpochSecond(second),
                VersionEntry.DELETE_MARKER_TYPE, null, null), id, false);
    }

    private static List<String> decided(KeyVerdicts verdicts, List<VersionEntry> versions, long now) throws Exception {
        return verdicts.decide(versions, Instant.ofEpochSecond(now), NO_TAGS).stream()
                .map(v -> v.kind() + " " + v.version().versionId() + " " + v.ruleId()).toList();
    }

    @Test
    void aCurrentVersionExpiresOnTheRoundedDayAndNotBefore() throws Exception {
        KeyVerdicts verdicts = rules("<Rule><ID>r</ID><Filter><Prefix>a</Prefix></Filter><Status>Enabled</Status>"
                + "<Expiration><Days>1</Days></Expiration></Rule>");
        List<VersionEntry> key = List.of(version("ab", "null", 103));
        assertEquals(List.of(), decided(verdicts, key, 119));   // 103 + 10 = 113, rounded up: 120
        assertEquals(List.of("EXPIRE_CURRENT null r"), decided(verdicts, key, 120));
        assertEquals(List.of(), decided(verdicts, List.of(version("b", "null", 103)), 500), "another prefix");
    }

    @Test
    void noncurrentVersionsExpireAfterTheNewerOneWasWrittenAndTheNewestAreKept() throws Exception {
        KeyVerdicts verdicts = rules("<Rule><ID>nc</ID><Filter/><Status>Enabled</Status><NoncurrentVersionExpiration>"
                + "<NoncurrentDays>1</NoncurrentDays><NewerNoncurrentVersions>1</NewerNoncurrentVersions>"
                + "</NoncurrentVersionExpiration></Rule>");
        // v4 current (written 400); v3 noncurrent since 400, v2 since 300, v1 since 200 (listed in any order)
        List<VersionEntry> key = List.of(version("k", "v1", 100), version("k", "v3", 300), version("k", "v4", 400),
                version("k", "v2", 200));
        assertEquals(List.of("DELETE_VERSION v2 nc", "DELETE_VERSION v1 nc"), decided(verdicts, key, 320),
                "v3 is the one newest noncurrent version kept; v2 and v1 are past their day");
        assertEquals(List.of("DELETE_VERSION v1 nc"), decided(verdicts, key, 310), "v2 became noncurrent at 300: its day ends at 320");
    }

    @Test
    void aDeleteMarkerGoesWhenItIsTheOnlyVersionLeft() throws Exception {
        KeyVerdicts verdicts = rules("<Rule><ID>m</ID><Filter/><Status>Enabled</Status><Expiration>"
                + "<ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule>"
                + "<Rule><ID>nc</ID><Filter/><Status>Enabled</Status><NoncurrentVersionExpiration>"
                + "<NoncurrentDays>1</NoncurrentDays></NoncurrentVersionExpiration></Rule>");
        assertEquals(List.of("DELETE_VERSION d m"), decided(verdicts, List.of(marker("k", "d", 100)), 100));
        List<VersionEntry> withOlder = List.of(marker("k", "d", 100), version("k", "v", 50));
        assertEquals(List.of(), decided(verdicts, withOlder, 105), "an older version is still there");
        assertEquals(List.of("DELETE_VERSION v nc", "DELETE_VERSION d m"), decided(verdicts, withOlder, 120),
                "the older version expires in this run: the marker goes with it");
    }
}
