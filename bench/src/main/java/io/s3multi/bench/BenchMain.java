package io.s3multi.bench;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import io.s3multi.swift.error.SwiftException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark command ({@code bench/run}): starts the gateways it measures (s3multi from its launcher
 * jar, S3Proxy from its jar) as separate processes, builds the targets, runs the chosen suites, prints the
 * JSON lines and tables on standard output, and removes every bucket and process it created.
 *
 * <p>Swift (tempauth proxy) and Swift's own s3api proxy must already run; see docs/BENCHMARKS.md.
 */
public final class BenchMain {

    private static final Logger LOG = LoggerFactory.getLogger(BenchMain.class);

    private final BenchOptions options;
    private final Report report;
    private final String runId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
    private final List<AutoCloseable> closeLast = new ArrayList<>();

    private BenchMain(BenchOptions options, Report report) {
        this.options = options;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Optional<BenchOptions> parsed = CommandLine.parse(args, "bench", BenchOptions.usage(), BenchOptions::parse);
        if (parsed.isEmpty()) {
            return;
        }
        BenchOptions options = parsed.get();
        PrintStream out = System.out;
        new BenchMain(options, new Report(out)).run();
        out.flush();
    }

    private void run() throws Exception {
        Path workDir = Files.createTempDirectory(options.workDir(), "s3multi-bench-");
        LOG.info("run {}: logs of started servers in {}", runId, workDir);
        SwiftBackend swift = SwiftBackend.start(SwiftClientConfig.defaults(options.swiftUrl())
                .withPool(Math.max(64, 4 * options.concurrency()), 4096));
        SwiftAccount account = swift.tempAuthAccount(options.user(), options.key());
        List<BenchTarget> targets = new ArrayList<>();
        try {
            TargetFactory factory = new TargetFactory(options, account, runId, workDir, report, closeLast);
            targets.addAll(factory.create());
            for (BenchTarget target : targets) {
                target.prepare();
            }
            Payload payload = new Payload(42);
            if (options.suites().contains("multipart")) {
                var suite = new MultipartSuite(payload, options.objectBytes(), options.partBytes(),
                        options.concurrency(), options.repetitions(), options.multipartWarmUps(), report);
                List<BenchTarget> unversioned = targets.stream()
                        .filter(t -> !VersionedTarget.isVersioned(t.name())).toList();
                report.multipartTable(suite.run(unversioned), String.format(Locale.ROOT,
                        "Multipart: %d MiB as %d MiB parts, %d at once, median of %d", options.objectMib(),
                        options.partMib(), options.concurrency(), options.repetitions()));
            }
            if (options.suites().contains("small")) {
                var suite = new SmallObjectSuite(payload.bytes(0, options.smallKib() * 1024),
                        options.concurrency(), options.seconds(), options.warmUpSeconds(), report);
                report.smallTable(suite.run(targets), String.format(Locale.ROOT,
                        "Small objects: %d KiB, %d workers, %d s per operation", options.smallKib(),
                        options.concurrency(), options.seconds()));
            }
            if (options.suites().contains("heap")) {
                BenchTarget gateway = targets.stream().filter(t -> t.name().equals("s3multi")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("the heap suite needs target s3multi"));
                report.heap(new HeapSuite(payload, options.heapParts(), options.heapPartMib() * (1L << 20),
                        options.gatewayXmx()).run(gateway));
            }
            if (options.suites().contains("worker")) {
                // a container of the run's is removed at the end; one named on the command line is kept for reuse
                String container = options.workerContainer().isEmpty() ? runId + "-scan" : options.workerContainer();
                new WorkerSuite(options.swiftUrl(), account, container, options.workerObjects(), System.out).run();
            }
        } finally {
            // versioned containers keep their versions for their own clean-up, one by one
            List<String> versioned = targets.stream().filter(t -> t instanceof VersionedTarget)
                    .map(t -> ((VersionedTarget) t).container()).toList();
            try {
                SwiftSweeper.emptyContainers(account, SwiftSweeper.containersStartingWith(account, runId).stream()
                        .filter(c -> !versioned.contains(c)).toList(), LOG);
            } catch (SwiftException | RuntimeException e) {
                LOG.warn("could not list the run's containers to empty them: {}", e.toString());
            }
            targets.forEach(BenchTarget::close);
            SwiftSweeper.removeContainers(account, SwiftSweeper.containersStartingWith(account, runId), LOG);
            for (AutoCloseable c : closeLast) {
                c.close();
            }
            swift.close();
        }
    }
}
