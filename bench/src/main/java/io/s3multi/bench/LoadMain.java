package io.s3multi.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The load command ({@code bench/load}): starts the gateway from its launcher jar with a small heap against
 * the dev Swift, runs {@code --clients} concurrent S3 clients (AWS SDK v2, default settings) for
 * {@code --duration} on a mix of PutObject, GetObject, ranged GetObject, multipart uploads, CopyObject,
 * DeleteObject and ListObjectsV2, and every {@code --sample} reads the gateway's heap after a full GC, its
 * threads and file descriptors. Prints the samples, the counts per operation and a verdict; everything it
 * stored is deleted at the end. Binds and talks to 127.0.0.1 only.
 */
public final class LoadMain {

    private LoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Optional<LoadOptions> parsed = CommandLine.parse(args, "load", LoadOptions.usage(), LoadOptions::parse);
        if (parsed.isEmpty()) {
            return;
        }
        LoadOptions options = parsed.get();
        boolean clean = run(options, System.out);
        System.exit(clean ? 0 : 1);
    }

    private static boolean run(LoadOptions options, PrintStream out) throws Exception {
        Files.createDirectories(options.workDir());
        Path workDir = Files.createTempDirectory(options.workDir(), "s3multi-load-");
        String bucket = "load-" + Long.toString(System.currentTimeMillis(), 36);
        try (ServerProcess gateway = Launchers.s3multi(options.jar(), options.conf(), options.xmx(), List.of(),
                options.swiftUrl(), workDir);
             S3Client s3 = client(options, gateway)) {
            var gauges = new GatewayGauges(gateway.processes().pids().get(0));
            var report = new LoadReport(out, options);
            s3.createBucket(b -> b.bucket(bucket));
            report.sample(gauges.read(), Duration.ZERO, new LoadTally());

            var tally = new LoadTally();
            long start = System.nanoTime();
            long deadline = start + options.duration().toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(options.clients());
            var payload = new Payload(42);
            for (int id = 0; id < options.clients(); id++) {
                clients.execute(new LoadClient(id, s3, bucket, payload, tally, deadline));
            }
            clients.shutdown();
            long nextSample = start + options.sample().toNanos();
            while (!clients.awaitTermination(Math.max(1, nextSample - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                if (System.nanoTime() >= nextSample) {
                    report.sample(gauges.read(), elapsed(start), tally);
                    nextSample += options.sample().toNanos();
                }
                if (System.nanoTime() > deadline + Duration.ofMinutes(5).toNanos()) {
                    out.println("load: clients still busy 5 minutes after the deadline: the gateway hangs");
                    clients.shutdownNow();
                    break;
                }
            }
            report.sample(gauges.read(), elapsed(start), tally);
            report.afterLoad(gauges.read());
            deleteBucket(s3, bucket, out);
            return report.summary(tally, gateway.processes());
        }
    }

    private static S3Client client(LoadOptions options, ServerProcess gateway) {
        return S3Client.builder()
                .endpointOverride(gateway.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(options.user(), options.key())))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(2 * options.clients()))
                .build();
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void deleteBucket(S3Client s3, String bucket, PrintStream out) {
        try {
            List<String> left = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> left.add(o.key()));
            for (String key : left) {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            }
            s3.deleteBucket(b -> b.bucket(bucket));
        } catch (RuntimeException e) {
            out.println("load: could not delete bucket " + bucket + ": " + e);
        }
    }
}
