package io.s3multi.s3.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.S3Xml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorsRulesTest {

    private static CorsRules rules(String rulesXml) {
        return CorsRules.parse(("<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + rulesXml
                + "</CORSConfiguration>").getBytes(StandardCharsets.UTF_8));
    }

    private static String rule(String... elements) {
        return "<CORSRule>" + String.join("", elements) + "</CORSRule>";
    }

    private static String el(String name, String value) {
        return "<" + name + ">" + value + "</" + name + ">";
    }

    private static S3Exception refused(String rulesXml) {
        return assertThrows(S3Exception.class, () -> rules(rulesXml));
    }

    @Test
    void anOriginWithOneWildcardMatchesAnyRunOfCharactersInItsPlace() {
        CorsRules rules = rules(rule(el("AllowedOrigin", "https://*.example.com"), el("AllowedMethod", "GET")));
        assertTrue(rules.actual("https://app.example.com", "GET").isPresent());
        assertTrue(rules.actual("https://a.b.example.com", "GET").isPresent());
        assertTrue(rules.actual("https://.example.com", "GET").isPresent(), "the wildcard may stand for nothing");
        assertFalse(rules.actual("https://example.com", "GET").isPresent());
        assertFalse(rules.actual("http://app.example.com", "GET").isPresent());
        assertFalse(rules.actual("https://app.example.com.evil.org", "GET").isPresent());
        assertFalse(rules.actual("https://APP.EXAMPLE.COM", "GET").isPresent(), "origins compare as written");
    }

    @Test
    void aPrefixAndSuffixThatOverlapDoNotMatchAShorterOrigin() {
        CorsRules rules = rules(rule(el("AllowedOrigin", "ab*ba"), el("AllowedMethod", "GET")));
        assertFalse(rules.actual("aba", "GET").isPresent());
        assertTrue(rules.actual("abba", "GET").isPresent());
    }

    @Test
    void aStarOriginIsAnsweredWithAStarAndNoCredentials() {
        CorsGrant grant = rules(rule(el("AllowedOrigin", "*"), el("AllowedMethod", "GET"),
                el("AllowedMethod", "PUT"))).actual("https://any.site", "PUT").orElseThrow();
        assertEquals(Map.of("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "GET, PUT",
                "Vary", CorsGrant.VARY), grant.headers());
    }

    @Test
    void aNamedOriginIsEchoedWithCredentialsExposedHeadersAndMaxAgeInAwsOrder() {
        CorsGrant grant = rules(rule(el("AllowedOrigin", "https://app.example.com"), el("AllowedMethod", "PUT"),
                el("AllowedHeader", "*"), el("ExposeHeader", "ETag"), el("ExposeHeader", "x-amz-request-id"),
                el("MaxAgeSeconds", "3000")))
                .preflight("https://app.example.com", "PUT", List.of("content-type", "x-amz-date")).orElseThrow();
        var expected = new LinkedHashMap<String, String>();
        expected.put("Access-Control-Allow-Origin", "https://app.example.com");
        expected.put("Access-Control-Allow-Credentials", "true");
        expected.put("Access-Control-Allow-Methods", "PUT");
        expected.put("Access-Control-Allow-Headers", "content-type, x-amz-date");
        expected.put("Access-Control-Expose-Headers", "ETag, x-amz-request-id");
        expected.put("Access-Control-Max-Age", "3000");
        expected.put("Vary", CorsGrant.VARY);
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(grant.headers().entrySet()));
    }

    @Test
    void everyAnnouncedHeaderMustMatchAnAllowedHeaderWithoutRegardToCase() {
        CorsRules rules = rules(rule(el("AllowedOrigin", "*"), el("AllowedMethod", "PUT"),
                el("AllowedHeader", "X-Amz-*"), el("AllowedHeader", "content-type")));
        assertTrue(rules.preflight("o", "PUT", CorsRules.headerList("x-amz-date, Content-Type")).isPresent());
        assertTrue(rules.preflight("o", "PUT", List.of()).isPresent());
        assertFalse(rules.preflight("o", "PUT", CorsRules.headerList("x-amz-date, authorization")).isPresent());
    }

    @Test
    void aRuleWithoutAllowedHeadersAdmitsPreflightsThatAnnounceNone() {
        CorsRules rules = rules(rule(el("AllowedOrigin", "*"), el("AllowedMethod", "GET")));
        assertTrue(rules.preflight("o", "GET", List.of()).isPresent());
        assertFalse(rules.preflight("o", "GET", List.of("x-amz-date")).isPresent());
    }

    @Test
    void theFirstRuleThatAdmitsOriginMethodAndHeadersDecides() {
        CorsRules rules = rules(rule(el("ID", "reads"), el("AllowedOrigin", "*"), el("AllowedMethod", "GET"))
                + rule(el("AllowedOrigin", "https://app.example.com"), el("AllowedMethod", "GET"),
                        el("AllowedMethod", "PUT"), el("MaxAgeSeconds", "10")));
        assertEquals("*", rules.actual("https://app.example.com", "GET").orElseThrow().headers()
                .get("Access-Control-Allow-Origin"));
        assertEquals("10", rules.actual("https://app.example.com", "PUT").orElseThrow().headers()
                .get("Access-Control-Max-Age"));
        assertEquals(Optional.empty(), rules.actual("https://other.example.com", "PUT"));
        assertEquals(Optional.empty(), rules.actual("https://app.example.com", "DELETE"));
    }

    @Test
    void headerListSplitsTrimsAndLowerCases() {
        assertEquals(List.of("x-amz-date", "content-type"), CorsRules.headerList(" X-Amz-Date ,Content-Type,, "));
        assertEquals(List.of(), CorsRules.headerList(null));
    }

    @Test
    void anUnsupportedMethodIsInvalidRequestWithAwsMessage() {
        S3Exception e = refused(rule(el("AllowedOrigin", "*"), el("AllowedMethod", "PATCH")));
        assertEquals("InvalidRequest", e.code().wireCode());
        assertEquals("Found unsupported HTTP method in CORS config. Unsupported method is PATCH", e.getMessage());
    }

    @Test
    void twoWildcardsInAnOriginOrAnAllowedHeaderAreInvalidRequest() {
        S3Exception origin = refused(rule(el("AllowedOrigin", "https://*.*.com"), el("AllowedMethod", "GET")));
        assertEquals("InvalidRequest", origin.code().wireCode());
        assertEquals("AllowedOrigin \"https://*.*.com\" can not have more than one wildcard.", origin.getMessage());
        S3Exception header = refused(rule(el("AllowedOrigin", "*"), el("AllowedMethod", "GET"),
                el("AllowedHeader", "x-*-*")));
        assertEquals("AllowedHeader \"x-*-*\" can not have more than one wildcard.", header.getMessage());
    }

    @Test
    void noRulesARuleWithoutOriginOrMethodAndTooManyRulesAreMalformedXml() {
        assertEquals("MalformedXML", refused("").code().wireCode());
        assertEquals("MalformedXML", refused(rule(el("AllowedMethod", "GET"))).code().wireCode());
        assertEquals("MalformedXML", refused(rule(el("AllowedOrigin", "*"))).code().wireCode());
        String one = rule(el("AllowedOrigin", "*"), el("AllowedMethod", "GET"));
        assertEquals(100, rules(one.repeat(100)).rules().size());
        assertEquals("MalformedXML", refused(one.repeat(101)).code().wireCode());
        assertEquals("MalformedXML", refused(rule(el("AllowedOrigin", "*"), el("AllowedMethod", "GET"),
                el("MaxAgeSeconds", "soon"))).code().wireCode());
    }

    @Test
    void theStoredDocumentReadsBackAsTheSameRules() {
        CorsRules rules = rules(rule(el("ID", "r1"), el("AllowedOrigin", "https://a"), el("AllowedMethod", "HEAD"),
                el("AllowedHeader", "*"), el("ExposeHeader", "ETag"), el("MaxAgeSeconds", "7")));
        CorsRules again = CorsRules.parse(S3Xml.toBytes(rules.toDocument()));
        assertEquals(rules.rules(), again.rules());
    }
}
