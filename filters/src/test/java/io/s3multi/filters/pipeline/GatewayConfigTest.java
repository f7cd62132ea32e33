package io.s3multi.filters.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.testing.GatewayUnderTest;
import io.s3multi.swift.SwiftClientConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void readsPipelineServerAndSettingsGroupedByFilter() {
        Properties properties = GatewayUnderTest.config("  catch_errors   proxy_logging\tproxy_server ",
                "server.host", "0.0.0.0", "server.port", "9000",
                "filter.proxy_server.swift_url", "http://swift:8080",
                "filter.proxy_server.idle_timeout", "30",
                "filter.catch_errors.trans_id_suffix", "-a");
        GatewayConfig config = GatewayConfig.fromProperties(properties, "test");
        assertEquals(List.of("catch_errors", "proxy_logging", "proxy_server"), config.pipeline());
        assertEquals("catch_errors proxy_logging proxy_server", config.pipelineLine());
        assertEquals("0.0.0.0", config.host());
        assertEquals(9000, config.port());
        assertEquals(Map.of("swift_url", "http://swift:8080", "idle_timeout", "30"), config.settingsOf("proxy_server"));
        assertEquals(List.of("catch_errors", "proxy_server"), config.configuredFilters());
        assertEquals(Map.of(), config.settingsOf("healthcheck"));
    }

    @Test
    void storageDomainsAreOneSettingForTheWholePipelineAndReachEveryStage() {
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "storage_domain", " s3.example.com,s3.local  s3.internal "), "test");
        assertEquals(List.of("s3.example.com", "s3.local", "s3.internal"), config.storageDomains());
        assertEquals(List.of(), config.configuredFilters());
        assertEquals(List.of(), GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test")
                .storageDomains());
        assertEquals(config.storageDomains(), config.withPort(0).storageDomains());
    }

    @Test
    void regionIsOneSettingForTheWholePipelineDefaultingToUsEast1() {
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "region", " eu-west-1 "), "test");
        assertEquals("eu-west-1", config.region());
        assertEquals("eu-west-1", config.withPort(0).region());
        assertEquals("us-east-1", GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test")
                .region());
    }

    @Test
    void theServiceIdentityReachesEveryStageAndIsOffWithoutAKey() {
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "service_user", "s3multi:service", "service_key", "secret"), "test");
        assertEquals(new ServiceIdentity("s3multi:service", "secret"), config.shared().service());
        assertTrue(config.shared().service().isConfigured());
        assertFalse(config.shared().service().toString().contains("secret"));
        assertFalse(GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "service_user", "s3multi:service"), "test").shared().service().isConfigured());
        assertEquals(ServiceIdentity.NONE,
                GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test").shared().service());
    }

    @Test
    void aServiceKeyWithoutAWellFormedUserIsRefused() {
        var alone = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "service_key", "secret"), "test"));
        assertEquals(List.of("service_key is set without service_user: set both, or neither for no background work"),
                alone.problems());
        var noAccount = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "service_user", "service", "service_key", "k"), "test"));
        assertEquals(List.of("service_user = 'service': write <account>:<user>"), noAccount.problems());
    }

    @Test
    void aRegionThatIsNoRegionNameIsRefused() {
        var e = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "region", "EU West"), "test"));
        assertEquals(List.of("region = 'EU West' is not a region name such as us-east-1"), e.problems());
    }

    @Test
    void serverDefaultsToLoopback8080() {
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test");
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
    }

    private static final String KEYS = "pipeline, server.host, server.port, server.idle_timeout,"
            + " server.min_upload_rate, server.upload_rate_period, server.key_store, server.key_store_password, server.key_store_type, storage_domain, region, swift_url,"
            + " swift.connect_timeout, swift.idle_timeout, swift.transport, service_user, service_key,"
            + " metrics.host, metrics.port, metrics.path, metrics.allow,"
            + " metrics.token";

    @Test
    void metricsAreOffUntilAListenerOrAPathIsSet() {
        MetricsSettings plain = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test").metrics();
        assertEquals(MetricsSettings.OFF, plain.port());
        assertFalse(plain.collected());
        MetricsSettings listener = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "metrics.port", "9180", "metrics.allow", "10.0.0.0/8, ::1"), "test").metrics();
        assertEquals(9180, listener.port());
        assertTrue(listener.listens() && listener.collected());
        assertTrue(listener.allow().admits("10.9.8.7"));
        MetricsSettings path = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "metrics.path", "/_metrics"), "test").metrics();
        assertTrue(path.collected() && !path.listens());
        var e = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "metrics.port", "on", "metrics.path", "metrics",
                        "metrics.allow", "gateway.example.org"), "test"));
        assertTrue(e.getMessage().contains("metrics.port = 'on' is not a port"), e.getMessage());
        assertTrue(e.getMessage().contains("metrics.path = 'metrics' is not a path"), e.getMessage());
        assertTrue(e.getMessage().contains("'gateway.example.org' is not an IP address"), e.getMessage());
    }

    @Test
    void clientLimitsAndSwiftTimeoutsAreReadWithTheirDefaults() {
        GatewayConfig plain = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test");
        assertEquals(ClientLimits.defaults(), plain.clientLimits());
        assertEquals(SwiftTimeouts.defaults(), plain.swiftTimeouts());
        GatewayConfig set = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server",
                "server.idle_timeout", "5", "server.min_upload_rate", "0", "server.upload_rate_period", "2.5",
                "swift.connect_timeout", "0.5", "swift.idle_timeout", "3"), "test");
        assertEquals(new ClientLimits(Duration.ofSeconds(5), 0, Duration.ofMillis(2500)), set.clientLimits());
        assertEquals(new SwiftTimeouts(Duration.ofMillis(500), Duration.ofSeconds(3)), set.swiftTimeouts());
    }

    @Test
    void theSwiftTransportIsSocketsUnlessJettyIsAskedFor() {
        assertEquals(SwiftClientConfig.Transport.SOCKETS, GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server"), "test").swiftTimeouts().transport());
        assertEquals(SwiftClientConfig.Transport.JETTY, GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "swift.transport", "jetty"), "test").swiftTimeouts().transport());
        var e = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "swift.transport", "netty"), "test"));
        assertTrue(e.getMessage().contains("swift.transport = 'netty' is not sockets or jetty"), e.getMessage());
    }

    @Test
    void unusableLimitsAreReported() {
        var e = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "swift.idle_timeout", "0", "server.min_upload_rate",
                        "fast"), "test"));
        assertEquals(List.of("server.min_upload_rate = 'fast' is not a number of bytes per second (0: off)",
                "swift.idle_timeout = '0': must be more than 0 seconds"), e.problems());
    }

    @Test
    void unknownTopLevelKeyIsRefusedWithThePipeline() {
        var e = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("catch_errors proxy_server", "sever.port", "80"), "file x.properties"));
        assertEquals("pipeline 'catch_errors proxy_server': unknown key 'sever.port' (keys are " + KEYS
                + " and filter.<name>.<setting>) [config: file x.properties]",
                e.getMessage());
    }

    @Test
    void filterKeyWithoutASettingIsRefused() {
        var e = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(
                GatewayUnderTest.config("proxy_server", "filter.proxy_server", "x"), "test"));
        assertEquals(1, e.problems().size());
        assertEquals("unknown key 'filter.proxy_server' (keys are " + KEYS + " and filter.<name>.<setting>)",
                e.problems().get(0));
    }

    @Test
    void badPortAndEmptyPipelineAreBothReported() {
        var properties = new Properties();
        properties.setProperty("server.port", "80000");
        var e = assertThrows(PipelineConfigException.class, () -> GatewayConfig.fromProperties(properties, "test"));
        assertEquals(List.of("no 'pipeline' line, or it is empty",
                "server.port = '80000' is not a port between 0 and 65535"), e.problems());
    }

    @Test
    void withPortReplacesOnlyThePortAndSaysWhy() {
        GatewayConfig config = GatewayConfig.fromProperties(GatewayUnderTest.config("proxy_server"), "test");
        GatewayConfig moved = config.withPort(0);
        assertEquals(0, moved.port());
        assertEquals(config.pipeline(), moved.pipeline());
        assertEquals("test, port 0 from the command line", moved.origin());
        assertThrows(IllegalArgumentException.class, () -> config.withPort(65536));
    }
}
