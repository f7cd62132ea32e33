package io.s3multi.bench;

import io.s3multi.swift.SwiftAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the chosen target names into {@link BenchTarget}s, starting the gateway processes they need. A
 * target that cannot be had (S3Proxy without its jar, a process that does not start) is reported as
 * unavailable with the reason, and the run goes on without it.
 */
final class TargetFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TargetFactory.class);

    private final BenchOptions options;
    private final SwiftAccount account;
    private final String runId;
    private final Path workDir;
    private final Report report;
    private final List<AutoCloseable> processes;

    TargetFactory(BenchOptions options, SwiftAccount account, String runId, Path workDir, Report report,
                  List<AutoCloseable> processes) {
        this.options = options;
        this.account = account;
        this.runId = runId;
        this.workDir = workDir;
        this.report = report;
        this.processes = processes;
    }

    List<BenchTarget> create() throws Exception {
        ProcessGroup swiftProxy = new ProcessGroup("swift-proxy",
                ProcFs.pidsListeningOn(options.swiftUrl().getPort()));
        ProcessGroup s3apiProxy = new ProcessGroup("s3api-proxy",
                ProcFs.pidsListeningOn(options.s3apiUrl().getPort()));
        int connections = Math.max(64, 2 * Math.max(options.concurrency(), options.heapParts()));
        List<BenchTarget> targets = new ArrayList<>();
        ServerProcess gateway = null;
        if (options.wantsTarget("s3multi") || options.wantsTarget("s3multi-sdk-defaults")
                || options.wantsTarget("s3multi" + VersionedTarget.SUFFIX)) {
            gateway = Launchers.s3multi(options.gatewayJar(), options.gatewayConf(), options.gatewayXmx(),
                    options.gatewayJavaOptions(),
                    options.swiftUrl(), workDir);
            processes.add(gateway);
        }
        ServerProcess httpsGateway = null;
        BenchTls tls = null;
        if (options.wantsTarget("s3multi-https") || options.wantsTarget("s3multi-https-sdk-defaults")) {
            tls = BenchTls.create(workDir);
            httpsGateway = Launchers.s3multi("s3multi-https", options.gatewayJar(), options.gatewayConf(),
                    options.gatewayXmx(), options.gatewayJavaOptions(), options.swiftUrl(), workDir, tls);
            processes.add(httpsGateway);
        }
        ServerProcess bGateway = null;
        if (options.wantsTarget("s3multi-b")) {
            // an A/B pair in one run: the same phases, interleaved, against another jar or other JVM options
            bGateway = Launchers.s3multi("s3multi-b", options.bGatewayJar(), options.gatewayConf(),
                    options.gatewayXmx(), options.bGatewayJavaOptions(), options.swiftUrl(), workDir, null);
            processes.add(bGateway);
        }
        ServerProcess bHttpsGateway = null;
        if (options.wantsTarget("s3multi-b-https")) {
            tls = tls == null ? BenchTls.create(workDir) : tls;
            bHttpsGateway = Launchers.s3multi("s3multi-b-https", options.bGatewayJar(), options.gatewayConf(),
                    options.gatewayXmx(), options.bGatewayJavaOptions(), options.swiftUrl(), workDir, tls);
            processes.add(bHttpsGateway);
        }
        for (String name : options.targets()) {
            switch (name) {
                case "s3multi" -> targets.add(new S3Target(name, gateway.endpoint(), options.user(), options.key(),
                        S3Target.ClientSettings.PLAIN, connections, runId + "-gw", gateway.processes(), swiftProxy));
                case "s3multi-sdk-defaults" -> targets.add(new S3Target(name, gateway.endpoint(), options.user(),
                        options.key(), S3Target.ClientSettings.SDK_DEFAULTS, connections, runId + "-gwd",
                        gateway.processes(), swiftProxy));
                case "s3api" -> targets.add(new S3Target(name, options.s3apiUrl(), options.user(), options.key(),
                        S3Target.ClientSettings.PLAIN, connections, runId + "-s3api", s3apiProxy,
                        ProcessGroup.none()));
                case "s3multi-https" -> targets.add(new S3Target(name, httpsGateway.endpoint(), options.user(),
                        options.key(), S3Target.ClientSettings.PLAIN, connections, runId + "-gws",
                        httpsGateway.processes(), swiftProxy, tls));
                case "s3multi-https-sdk-defaults" -> targets.add(new S3Target(name, httpsGateway.endpoint(),
                        options.user(), options.key(), S3Target.ClientSettings.SDK_DEFAULTS, connections,
                        runId + "-gwsd", httpsGateway.processes(), swiftProxy, tls));
                case "s3multi-b" -> targets.add(new S3Target(name, bGateway.endpoint(), options.user(), options.key(),
                        S3Target.ClientSettings.PLAIN, connections, runId + "-gwb", bGateway.processes(), swiftProxy));
                case "s3multi-b-https" -> targets.add(new S3Target(name, bHttpsGateway.endpoint(), options.user(),
                        options.key(), S3Target.ClientSettings.PLAIN, connections, runId + "-gwbs",
                        bHttpsGateway.processes(), swiftProxy, tls));
                case "swift" -> targets.add(new SwiftTarget(name, account, runId + "-swift", swiftProxy));
                case "s3proxy" -> s3proxy(connections, swiftProxy).ifPresent(targets::add);
                case "s3multi-versioned" -> targets.add(versioned(new S3Target(name, gateway.endpoint(),
                        options.user(), options.key(), S3Target.ClientSettings.PLAIN, connections, runId + "-gwv",
                        gateway.processes(), swiftProxy), runId + "-gwv"));
                case "s3api-versioned" -> targets.add(versioned(new S3Target(name, options.s3apiUrl(),
                        options.user(), options.key(), S3Target.ClientSettings.PLAIN, connections,
                        runId + "-s3apiv", s3apiProxy, ProcessGroup.none()), runId + "-s3apiv"));
                case "swift-versioned" -> targets.add(versioned(
                        new SwiftTarget(name, account, runId + "-swiftv", swiftProxy), runId + "-swiftv"));
                default -> throw new IllegalArgumentException("unknown target " + name);
            }
        }
        return targets;
    }

    private BenchTarget versioned(BenchTarget target, String container) {
        return new VersionedTarget(target, account, container);
    }

    private Optional<BenchTarget> s3proxy(int connections, ProcessGroup swiftProxy) {
        Path jar = options.s3proxyJar();
        if (jar == null || !Files.isRegularFile(jar)) {
            report.unavailable("s3proxy", jar == null ? "no --s3proxy-jar given" : "no file " + jar);
            return Optional.empty();
        }
        try {
            ServerProcess server = Launchers.s3proxy(jar, options.gatewayXmx(), options.swiftUrl(),
                    options.user(), options.key(), workDir);
            processes.add(server);
            return Optional.of(new S3Target("s3proxy", server.endpoint(), options.user(), options.key(),
                    S3Target.ClientSettings.PLAIN, connections, runId + "-s3proxy", server.processes(),
                    swiftProxy));
        } catch (Exception e) {
            LOG.warn("S3Proxy did not start", e);
            report.unavailable("s3proxy", "did not start: " + e.getMessage());
            return Optional.empty();
        }
    }
}
