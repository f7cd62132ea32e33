package io.s3multi.s3.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpirationNoticeTest {

    private static final ExpirationNotice NOTICE = new ExpirationNotice(LifecycleRulesTest.parse("""
            <Rule><ID>logs</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status>
              <Expiration><Days>30</Days></Expiration></Rule>
            <Rule><ID>all</ID><Filter></Filter><Status>Enabled</Status>
              <Expiration><Date>2030-01-01T00:00:00Z</Date></Expiration>
              <AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation>
              </AbortIncompleteMultipartUpload></Rule>
            <Rule><ID>tagged</ID><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Enabled</Status>
              <Expiration><Days>1</Days></Expiration></Rule>
            <Rule><ID>off</ID><Status>Disabled</Status><Expiration><Days>1</Days></Expiration></Rule>
            """).enabled(), LifecycleDays.REAL);

    @Test
    void theEarliestMatchingRuleNamesTheDateInAwsForm() {
        assertEquals("expiry-date=\"Sun, 16 Dec 2012 00:00:00 GMT\", rule-id=\"logs\"", NOTICE.expiration("logs/a", 1,
                Instant.parse("2012-11-15T10:30:00Z")).orElseThrow().expirationHeader());
        assertEquals("expiry-date=\"Tue, 01 Jan 2030 00:00:00 GMT\", rule-id=\"all\"", NOTICE.expiration("x", 1,
                Instant.parse("2012-11-15T10:30:00Z")).orElseThrow().expirationHeader());
    }

    @Test
    void uploadsAreDatedByTheirAbortRule() {
        ExpirationNotice.Dated abort = NOTICE.abort("k", Instant.parse("2026-12-07T05:00:00Z")).orElseThrow();
        assertEquals("all", abort.ruleId());
        assertEquals("Tue, 15 Dec 2026 00:00:00 GMT", abort.httpDate());
        assertEquals(Optional.empty(), new ExpirationNotice(java.util.List.of(), LifecycleDays.REAL)
                .abort("k", Instant.EPOCH));
    }
}
