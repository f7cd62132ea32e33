package io.s3multi.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmark prints: one JSON line per measurement as it completes, and at the end the tables
 * with the ratios a reader compares (s3multi / direct Swift, s3multi / Swift's s3api).
 *
 * <p>Throughput is in MB/s (10^6 bytes). CPU per GB counts the bytes moved up and down. "cores" is CPU
 * seconds per wall second: a value near the machine's core count means that process was the bottleneck.
 */
final class Report {

    private final PrintStream out;
    private final Map<String, String> unavailable = new LinkedHashMap<>();

    Report(PrintStream out) {
        this.out = out;
    }

    void unavailable(String target, String reason) {
        unavailable.put(target, reason);
        out.println(new JsonLine().add("kind", "unavailable").add("target", target).add("reason", reason));
    }

    void multipartRepetition(MultipartSuite.Repetition r) {
        out.println(new JsonLine().add("kind", "multipart").add("target", r.target())
                .add("repetition", r.repetition()).add("bytes", r.bytes())
                .add("upMBps", r.upMbPerSecond()).add("downMBps", r.downMbPerSecond())
                .add("upGatewayCpuS", r.upCost().gatewayCpu()).add("downGatewayCpuS", r.downCost().gatewayCpu())
                .add("upProxyCpuS", r.upCost().proxyCpu()).add("downProxyCpuS", r.downCost().proxyCpu())
                .add("upClientCpuS", r.upCost().clientCpu()).add("downClientCpuS", r.downCost().clientCpu())
                .add("upS3Requests", r.upRequests()).add("upSwiftRequests", r.upCost().swiftRequests())
                .add("downSwiftRequests", r.downCost().swiftRequests())
                .add("upGatewayJitCpuS", r.upCost().gatewayJitCpu())
                .add("downGatewayJitCpuS", r.downCost().gatewayJitCpu())
                .add("upGatewayJitCompiles", r.upCost().gatewayCompiles())
                .add("upGatewayVoluntarySwitches", r.upCost().gatewaySwitches()[0])
                .add("upGatewayInvoluntarySwitches", r.upCost().gatewaySwitches()[1])
                .add("gatewayPeakRssBytes", r.downCost().gatewayPeakRss()));
    }

    void smallPhase(SmallObjectSuite.Phase p) {
        out.println(new JsonLine().add("kind", "small").add("target", p.target())
                .add("operation", p.operation().name()).add("objectBytes", p.objectBytes())
                .add("seconds", p.seconds()).add("ops", p.latencies().length).add("opsPerS", p.opsPerSecond())
                .add("p50ms", p.percentileMillis(50)).add("p90ms", p.percentileMillis(90))
                .add("p99ms", p.percentileMillis(99)).add("errors", p.errors())
                .add("gatewayCores", p.cost().cores(p.cost().gatewayCpu()))
                .add("proxyCores", p.cost().cores(p.cost().proxyCpu()))
                .add("clientCores", p.cost().cores(p.cost().clientCpu()))
                .add("gatewayCpuS", p.cost().gatewayCpu()).add("gatewayJitCpuS", p.cost().gatewayJitCpu())
                .add("gatewayJitCompiles", p.cost().gatewayCompiles())
                .add("gatewayVoluntarySwitches", p.cost().gatewaySwitches()[0])
                .add("gatewayInvoluntarySwitches", p.cost().gatewaySwitches()[1])
                .add("swiftRequests", p.cost().swiftRequests()));
    }

    void heap(HeapSuite.Result r) {
        out.println(new JsonLine().add("kind", "heap").add("target", r.target()).add("parts", r.parts())
                .add("partBytes", r.partBytes()).add("xmx", r.xmx()).add("ok", r.ok() ? "true" : "false")
                .add("failure", r.failure()).add("seconds", r.seconds())
                .add("idlePeakRssBytes", r.idlePeakRss()).add("peakRssBytes", r.cost().gatewayPeakRss())
                .add("peakHeapUsedBytes", r.peakHeapUsed()));
        out.println();
        out.printf(Locale.ROOT, "Heap check: %d parts of %d MiB at once through %s (-Xmx%s): %s in %.1f s; "
                        + "gateway peak heap used %.0f MiB (sampled every 100 ms), peak RSS %.0f MiB (%.0f MiB"
                        + " before)%s%n",
                r.parts(), r.partBytes() >> 20, r.target(), r.xmx(), r.ok() ? "ok" : "FAILED", r.seconds(),
                mib(r.peakHeapUsed()), mib(r.cost().gatewayPeakRss()), mib(r.idlePeakRss()),
                r.ok() ? "" : ": " + r.failure());
    }

    void multipartTable(Map<String, List<MultipartSuite.Repetition>> results, String title) {
        out.println();
        out.println(title);
        String format = "%-26s %9s %9s %10s %10s %10s %8s %8s %9s %8s %8s %9s %8s %8s%n";
        out.printf(Locale.ROOT, format, "target", "up MB/s", "down MB/s", "gw CPU", "proxy CPU", "client CPU",
                "gw cores", "cl cores", "gw RSS", "gw up", "gw down", "swift req", "px up", "px down");
        out.printf(Locale.ROOT, format, "", "median", "median", "s/GB", "s/GB", "s/GB", "", "", "MiB peak",
                "s/GiB", "s/GiB", "per S3 up", "s/GiB", "s/GiB");
        Map<String, double[]> medians = new LinkedHashMap<>();
        results.forEach((target, reps) -> {
            double up = Stats.median(reps.stream().mapToDouble(MultipartSuite.Repetition::upMbPerSecond).toArray());
            double down = Stats.median(
                    reps.stream().mapToDouble(MultipartSuite.Repetition::downMbPerSecond).toArray());
            medians.put(target, new double[] {up, down});
            long bytes = 0;
            double gw = 0;
            double proxy = 0;
            double client = 0;
            double wall = 0;
            long rss = -1;
            double gwUp = 0;
            double gwDown = 0;
            double proxyUp = 0;
            double proxyDown = 0;
            long swift = 0;
            long s3Requests = 0;
            for (MultipartSuite.Repetition r : reps) {
                gwUp += r.upCost().gatewayCpu();
                gwDown += r.downCost().gatewayCpu();
                proxyUp += r.upCost().proxyCpu();
                proxyDown += r.downCost().proxyCpu();
                swift = swift < 0 || r.upCost().swiftRequests() < 0 ? -1 : swift + r.upCost().swiftRequests();
                s3Requests += r.upRequests();
                bytes += 2 * r.bytes();
                gw += r.upCost().gatewayCpu() + r.downCost().gatewayCpu();
                proxy += r.upCost().proxyCpu() + r.downCost().proxyCpu();
                client += r.upCost().clientCpu() + r.downCost().clientCpu();
                wall += r.upCost().wallSeconds() + r.downCost().wallSeconds();
                rss = Math.max(rss, r.downCost().gatewayPeakRss());
            }
            double gb = bytes / 1e9;
            double gibEachWay = bytes / 2.0 / (1L << 30);
            boolean hasGateway = !target.startsWith("swift");
            out.printf(Locale.ROOT, format, target, num(up), num(down), num(gw / gb), num(proxy / gb),
                    num(client / gb), num(gw / wall), num(client / wall), rss < 0 ? "-" : num(mib(rss)),
                    hasGateway ? num(gwUp / gibEachWay) : "-", hasGateway ? num(gwDown / gibEachWay) : "-",
                    swift < 0 ? "-" : num((double) swift / s3Requests), num(proxyUp / gibEachWay),
                    num(proxyDown / gibEachWay));
        });
        unavailableRows();
        ratio(medians, "s3multi", "swift", "up/down");
        ratio(medians, "s3multi", "s3api", "up/down");
    }

    void smallTable(List<SmallObjectSuite.Phase> phases, String title) {
        out.println();
        out.println(title);
        String format = "%-26s %-5s %9s %8s %8s %8s %7s %8s %8s %8s %8s %9s %8s %8s %9s%n";
        out.printf(Locale.ROOT, format, "target", "op", "ops/s", "p50 ms", "p90 ms", "p99 ms", "errors",
                "gw cores", "px cores", "cl cores", "gw CPU", "of it JIT", "JIT", "gw ctx", "swift req");
        out.printf(Locale.ROOT, format, "", "", "", "", "", "", "", "", "", "", "ms/req", "ms/req", "compiles",
                "sw/req", "per S3");
        Map<String, double[]> opsByTargetOp = new LinkedHashMap<>();
        for (SmallObjectSuite.Phase p : phases) {
            out.printf(Locale.ROOT, format, p.target(), p.operation(), num(p.opsPerSecond()),
                    num(p.percentileMillis(50)), num(p.percentileMillis(90)), num(p.percentileMillis(99)),
                    p.errors(), num(p.cost().cores(p.cost().gatewayCpu())), num(p.cost().cores(p.cost().proxyCpu())),
                    num(p.cost().cores(p.cost().clientCpu())), p.target().startsWith("swift") ? "-"
                            : num(1000 * p.cost().gatewayCpu() / requests(p)),
                    p.target().startsWith("swift") ? "-" : num(1000 * p.cost().gatewayJitCpu() / requests(p)),
                    p.cost().gatewayCompiles() < 0 ? "-" : Long.toString(p.cost().gatewayCompiles()),
                    p.target().startsWith("swift") ? "-"
                            : num((double) (p.cost().gatewaySwitches()[0] + p.cost().gatewaySwitches()[1])
                                    / requests(p)),
                    p.cost().swiftRequests() < 0 ? "-" : num((double) p.cost().swiftRequests() / requests(p)));
            opsByTargetOp.put(p.target() + " " + p.operation(), new double[] {p.opsPerSecond()});
        }
        unavailableRows();
        for (SmallObjectSuite.Operation op : SmallObjectSuite.Operation.values()) {
            ratio(opsByTargetOp, "s3multi " + op, "swift " + op, "ops/s");
            ratio(opsByTargetOp, "s3multi " + op, "s3api " + op, "ops/s");
        }
        for (String target : List.of("s3multi", "s3api", "swift")) {
            for (SmallObjectSuite.Operation op : SmallObjectSuite.Operation.values()) {
                ratio(opsByTargetOp, target + VersionedTarget.SUFFIX + " " + op, target + " " + op, "ops/s");
            }
        }
    }

    /** The S3 requests of a phase: those timed and those that failed. */
    private static int requests(SmallObjectSuite.Phase p) {
        return p.latencies().length + p.errors();
    }

    private void unavailableRows() {
        unavailable.forEach((target, reason) -> out.printf(Locale.ROOT, "%-26s unavailable (%s)%n", target, reason));
    }

    private void ratio(Map<String, double[]> values, String a, String b, String what) {
        double[] x = values.get(a);
        double[] y = values.get(b);
        if (x == null || y == null) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  ratio %s / %s (%s):", a, b, what));
        for (int i = 0; i < x.length; i++) {
            line.append(String.format(Locale.ROOT, " %.2f", x[i] / y[i]));
        }
        out.println(line);
    }

    private static double mib(long bytes) {
        return bytes / (double) (1 << 20);
    }

    private static String num(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
