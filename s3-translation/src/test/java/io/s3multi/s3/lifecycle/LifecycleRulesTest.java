package io.s3multi.s3.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.S3Xml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading and validating lifecycle configurations, with AWS's documented examples and AWS's refusals. */
class LifecycleRulesTest {

    static LifecycleRules parse(String rules) {
        return LifecycleRules.parse(("<LifecycleConfiguration>" + rules + "</LifecycleConfiguration>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String code(String rules) {
        return assertThrows(S3Exception.class, () -> parse(rules)).code().wireCode();
    }

    @Test
    void awsExampleWithAndFilterAndEveryAction() {
        LifecycleRules rules = parse("""
                <Rule><ID>example</ID>
                  <Filter><And><Prefix>logs/</Prefix><Tag><Key>k</Key><Value>v</Value></Tag>
                    <ObjectSizeGreaterThan>500</ObjectSizeGreaterThan><ObjectSizeLessThan>64000</ObjectSizeLessThan>
                  </And></Filter>
                  <Status>Enabled</Status>
                  <Expiration><Days>365</Days></Expiration>
                  <NoncurrentVersionExpiration><NoncurrentDays>30</NoncurrentDays>
                    <NewerNoncurrentVersions>2</NewerNoncurrentVersions></NoncurrentVersionExpiration>
                  <AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation>
                  </AbortIncompleteMultipartUpload>
                </Rule>""".replace("<AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation>\n"
                + "  </AbortIncompleteMultipartUpload>", ""));
        LifecycleRule rule = rules.rules().get(0);
        assertEquals("example", rule.id());
        assertTrue(rule.enabled());
        assertEquals(new RuleFilter("logs/", Map.of("k", "v"), 500L, 64000L), rule.filter());
        assertEquals(OptionalInt.of(365), rule.expirationDays());
        assertEquals(OptionalInt.of(30), rule.noncurrentDays());
        assertEquals(2, rule.newerNoncurrentVersions());
        assertTrue(rule.filter().matches("logs/a", 501, Map.of("k", "v", "other", "x")));
        assertFalse(rule.filter().matches("logs/a", 500, Map.of("k", "v")));
        assertFalse(rule.filter().matches("logs/a", 501, Map.of("k", "w")));
        assertFalse(rule.filter().matches("log/a", 501, Map.of("k", "v")));
    }

    @Test
    void theOlderRuleLevelPrefixIsReadAndKeptInItsForm() {
        LifecycleRules rules = parse("<Rule><ID>old</ID><Prefix>tmp/</Prefix><Status>Enabled</Status>"
                + "<Expiration><Date>2030-01-01T00:00:00.000Z</Date></Expiration></Rule>");
        assertEquals("tmp/", rules.rules().get(0).filter().prefix());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), rules.rules().get(0).expirationDate().orElseThrow());
        String stored = new String(S3Xml.toBytes(rules.toDocument()), StandardCharsets.UTF_8);
        assertTrue(stored.contains("<Prefix>tmp/</Prefix>") && !stored.contains("<Filter>"), stored);
    }

    @Test
    void aRuleWithoutIdGetsOneAndDisabledRulesAreNotEnabled() {
        LifecycleRules rules = parse("<Rule><Filter></Filter><Status>Disabled</Status>"
                + "<AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation>"
                + "</AbortIncompleteMultipartUpload></Rule>");
        assertFalse(rules.rules().get(0).id().isEmpty());
        assertEquals(java.util.List.of(), rules.enabled());
        assertEquals(RuleFilter.EVERYTHING, rules.rules().get(0).filter());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            days zero            | InvalidArgument     | <Rule><Status>Enabled</Status><Expiration><Days>0</Days></Expiration></Rule>
            days negative        | InvalidArgument     | <Rule><Status>Enabled</Status><NoncurrentVersionExpiration><NoncurrentDays>-1</NoncurrentDays></NoncurrentVersionExpiration></Rule>
            abort days zero      | InvalidArgument     | <Rule><Status>Enabled</Status><AbortIncompleteMultipartUpload><DaysAfterInitiation>0</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>
            date not midnight    | InvalidArgument     | <Rule><Status>Enabled</Status><Expiration><Date>2030-01-01T10:00:00Z</Date></Expiration></Rule>
            date not a date      | MalformedXML        | <Rule><Status>Enabled</Status><Expiration><Date>soon</Date></Expiration></Rule>
            bad status           | InvalidArgument     | <Rule><Status>enabled</Status><Expiration><Days>1</Days></Expiration></Rule>
            no status            | MalformedXML        | <Rule><Expiration><Days>1</Days></Expiration></Rule>
            no rules             | MalformedXML        | ''
            days not a number    | MalformedXML        | <Rule><Status>Enabled</Status><Expiration><Days>one</Days></Expiration></Rule>
            empty expiration     | MalformedXML        | <Rule><Status>Enabled</Status><Expiration></Expiration></Rule>
            no action            | InvalidRequest      | <Rule><Status>Enabled</Status><Filter><Prefix>a</Prefix></Filter></Rule>
            filter and prefix    | MalformedXML        | <Rule><Prefix>a</Prefix><Filter><Prefix>a</Prefix></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>
            two conditions       | MalformedXML        | <Rule><Filter><Prefix>a</Prefix><ObjectSizeLessThan>5</ObjectSizeLessThan></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>
            days and date        | InvalidArgument     | <Rule><Status>Enabled</Status><Expiration><Days>1</Days><Date>2030-01-01T00:00:00Z</Date></Expiration></Rule>
            marker with days     | InvalidRequest      | <Rule><Status>Enabled</Status><Expiration><Days>1</Days><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule>
            marker with tags     | InvalidRequest      | <Rule><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status><Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration></Rule>
            abort with tags      | InvalidRequest      | <Rule><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status><AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>
            newer noncurrent 101 | InvalidArgument     | <Rule><Status>Enabled</Status><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays><NewerNoncurrentVersions>101</NewerNoncurrentVersions></NoncurrentVersionExpiration></Rule>
            sizes admit nothing  | InvalidArgument     | <Rule><Filter><And><ObjectSizeGreaterThan>10</ObjectSizeGreaterThan><ObjectSizeLessThan>10</ObjectSizeLessThan></And></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>
            transition           | InvalidStorageClass | <Rule><Status>Enabled</Status><Transition><Days>30</Days><StorageClass>GLACIER</StorageClass></Transition></Rule>
            noncurrent transition| InvalidStorageClass | <Rule><Status>Enabled</Status><Expiration><Days>9</Days></Expiration><NoncurrentVersionTransition><NoncurrentDays>3</NoncurrentDays><StorageClass>STANDARD_IA</StorageClass></NoncurrentVersionTransition></Rule>
            duplicate ids        | InvalidArgument     | <Rule><ID>a</ID><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule><Rule><ID>a</ID><Status>Enabled</Status><Expiration><Days>2</Days></Expiration></Rule>
            """)
    void badConfigurationsAreRefusedWithAwsCodes(String what, String code, String rules) {
        assertEquals(code, code(rules), what);
    }

    @Test
    void atMostAThousandRules() {
        String rule = "<Rule><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>";
        assertEquals(1000, parse(rule.repeat(1000)).rules().size());
        assertEquals("InvalidRequest", code(rule.repeat(1001)));
    }

    @Test
    void anIdOfMoreThan255CharactersIsRefused() {
        assertEquals("InvalidArgument", code("<Rule><ID>" + "i".repeat(256) + "</ID><Status>Enabled</Status>"
                + "<Expiration><Days>1</Days></Expiration></Rule>"));
    }
}
