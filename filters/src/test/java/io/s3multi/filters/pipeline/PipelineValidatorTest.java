package io.s3multi.filters.pipeline;

import static io.s3multi.filters.testing.TestStages.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.testing.GatewayUnderTest;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineValidatorTest {

    private static final Filter PASS =
            (ServletRequest req, ServletResponse res, FilterChain next) -> next.doFilter(req, res);

    private static final FilterRegistry REGISTRY =
            FilterRegistry.discover(PipelineValidatorTest.class.getClassLoader());

    // The real tempauth, s3token, s3multi and s3api, with a stand-in for a stage declared after s3api.
    private static final FilterRegistry WITH_S3_STAGES = REGISTRY.with(
            stage("late", Placement.anywhere().after("s3api"), PASS));

    private static PipelineConfigException refused(FilterRegistry registry, String pipeline, String... keyValues) {
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config(pipeline, keyValues), "test");
        return assertThrows(PipelineConfigException.class, () -> PipelineValidator.validate(config, registry));
    }

    private static void accepted(FilterRegistry registry, String pipeline, String... keyValues) {
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config(pipeline, keyValues), "test");
        assertEquals(List.of(), PipelineValidator.problems(config, registry));
    }

    @Test
    void theShippedPipelineIsAccepted() {
        accepted(REGISTRY, "catch_errors proxy_logging healthcheck proxy_server",
                "filter.proxy_server.swift_url", "http://127.0.0.1:8081",
                "filter.catch_errors.trans_id_suffix", "-gw1");
    }

    @Test
    void proxyServerNotLastIsRefusedWithTheWholePipelineInTheMessage() {
        var e = refused(REGISTRY, "catch_errors healthcheck proxy_server proxy_logging");
        assertEquals("pipeline 'catch_errors healthcheck proxy_server proxy_logging': proxy_server must be last"
                + " [config: test]", e.getMessage());
    }

    @Test
    void catchErrorsMustBeFirstWhenPresent() {
        var e = refused(REGISTRY, "proxy_logging catch_errors proxy_server");
        assertEquals(List.of("catch_errors must be first"), e.problems());
        accepted(REGISTRY, "healthcheck proxy_server");
    }

    @Test
    void proxyServerIsRequired() {
        var e = refused(REGISTRY, "catch_errors healthcheck");
        assertEquals(List.of("proxy_server is required"), e.problems());
    }

    @Test
    void unknownFilterNameIsRefusedNamingTheKnownOnes() {
        var e = refused(REGISTRY, "catch_errors healthchek proxy_server");
        assertEquals("pipeline 'catch_errors healthchek proxy_server': unknown filter 'healthchek' (known:"
                + " catch_errors, cors, healthcheck, proxy_logging, proxy_server, s3api, s3multi, s3token, tempauth, tus,"
                + " upload_page)"
                + " [config: test]",
                e.getMessage());
    }

    @Test
    void unknownSettingIsRefusedNamingTheAcceptedOnes() {
        var e = refused(REGISTRY, "catch_errors proxy_server", "filter.proxy_server.swift_ur", "http://x");
        assertEquals(List.of("filter.proxy_server.swift_ur is not a setting of proxy_server (settings: swift_url,"
                + " connect_timeout, idle_timeout, max_connections, max_queued_requests)"), e.problems());
        assertTrue(e.getMessage().startsWith("pipeline 'catch_errors proxy_server': "), e.getMessage());
    }

    @Test
    void settingOfAFilterOutsideThePipelineIsRefused() {
        var e = refused(REGISTRY, "catch_errors proxy_server", "filter.healthcheck.disable_path", "/tmp/x");
        assertEquals(List.of("filter.healthcheck.disable_path configures 'healthcheck', which is not in the"
                + " pipeline"), e.problems());
    }

    @Test
    void duplicateStageIsRefused() {
        var e = refused(REGISTRY, "catch_errors proxy_logging proxy_logging proxy_server");
        assertEquals(List.of("proxy_logging appears more than once"), e.problems());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var e = refused(REGISTRY, "catch_errors nonsense proxy_logging proxy_logging proxy_server",
                "filter.catch_errors.colour", "red");
        assertEquals(List.of("unknown filter 'nonsense' (known: catch_errors, cors, healthcheck, proxy_logging,"
                        + " proxy_server, s3api, s3multi, s3token, tempauth, tus, upload_page)", "proxy_logging appears more than once",
                "filter.catch_errors.colour is not a setting of catch_errors (settings: trans_id_suffix)"),
                e.problems());
        var placement = refused(REGISTRY, "proxy_server catch_errors");
        assertEquals(List.of("proxy_server must be last", "catch_errors must be first"), placement.problems());
    }

    @Test
    void authStagesMustPrecedeTheS3StagesTheyDeclare() {
        accepted(WITH_S3_STAGES, "catch_errors proxy_logging healthcheck tempauth s3token s3multi s3api proxy_server");
        var e = refused(WITH_S3_STAGES, "catch_errors s3api tempauth proxy_server");
        assertEquals("pipeline 'catch_errors s3api tempauth proxy_server': s3api must come after tempauth;"
                + " tempauth must come before s3api [config: test]", e.getMessage());
        var both = refused(WITH_S3_STAGES, "s3multi s3token s3api proxy_server");
        assertEquals(List.of("s3multi must come after s3token", "s3token must come before s3multi"), both.problems());
    }

    @Test
    void corsMustPrecedeTheAuthAndS3StagesSoThatPreflightsNeedNoCredentials() {
        accepted(WITH_S3_STAGES, "catch_errors proxy_logging healthcheck cors tempauth s3multi s3api proxy_server");
        var e = refused(WITH_S3_STAGES, "catch_errors tempauth cors s3api proxy_server");
        assertEquals(List.of("cors must come before tempauth"), e.problems());
    }

    @Test
    void s3multiMustPrecedeS3api() {
        var e = refused(WITH_S3_STAGES, "tempauth s3api s3multi proxy_server");
        assertEquals(List.of("s3multi must come before s3api"), e.problems());
    }

    @Test
    void orderingRulesApplyOnlyWhenBothStagesArePresent() {
        accepted(WITH_S3_STAGES, "s3api proxy_server");
        accepted(WITH_S3_STAGES, "tempauth proxy_server");
        accepted(WITH_S3_STAGES, "late proxy_server");
    }

    @Test
    void afterRuleIsChecked() {
        var e = refused(WITH_S3_STAGES, "late s3api proxy_server");
        assertEquals(List.of("late must come after s3api"), e.problems());
    }

    @Test
    void openEndedSettingsAreAcceptedByPrefixOnly() {
        var users = new FilterFactory() {
            @Override
            public String name() {
                return "users";
            }

            @Override
            public Map<String, String> defaults() {
                return Map.of("realm", "s3multi");
            }

            @Override
            public Set<String> settingPrefixes() {
                return Set.of("user_");
            }

            @Override
            public Filter create(FilterSettings settings) {
                return PASS;
            }
        };
        FilterRegistry registry = REGISTRY.with(users);
        accepted(registry, "users proxy_server", "filter.users.user_test_tester", "testing .admin",
                "filter.users.realm", "x");
        var e = refused(registry, "users proxy_server", "filter.users.usr_test", "x");
        assertEquals(List.of("filter.users.usr_test is not a setting of users (settings: realm, user_*)"),
                e.problems());
    }
}
