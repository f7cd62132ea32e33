package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.swift.SwiftHeaders;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The background worker inside the gateway: it runs on its own threads while the gateway runs, only with a
 * service identity, and stops with the gateway; and DeleteBucket removes the leases and checkpoints the worker
 * keeps in the bucket's registry record with the record.
 */
class BackgroundWorkerIT extends S3IntegrationTest {

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("s3multi-worker-") && thread.isAlive()).count();
    }

    @Test
    void theWorkerRunsWhileTheGatewayRunsAndStopsWithIt() throws Exception {
        long before = workerThreads();
        Properties quick = S3TestGateway.configuration();
        quick.setProperty("filter.s3api.worker_interval", "1");
        quick.setProperty("filter.s3api.worker_lease", "3");
        try (S3TestGateway second = S3TestGateway.start(quick)) {
            assertTrue(workerThreads() > before, "a worker thread runs");
        }
        assertEquals(before, workerThreads(), "the gateway's worker threads are gone after it stopped");
    }

    @Test
    void withoutAServiceKeyOrWithTheWorkerOffThereIsNone() throws Exception {
        long before = workerThreads();
        Properties noKey = S3TestGateway.configuration();
        noKey.setProperty("service_key", "");
        try (S3TestGateway second = S3TestGateway.start(noKey)) {
            assertEquals(before, workerThreads());
        }
        Properties off = S3TestGateway.configuration();
        off.setProperty("filter.s3api.worker", "off");
        try (S3TestGateway second = S3TestGateway.start(off)) {
            assertEquals(before, workerThreads());
        }
    }

    @Test
    void deleteBucketRemovesTheLeasesAndCheckpointsWithTheRecord() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        var registry = gateway().registry();
        registry.objects().put(bucket, RegistryLayout.LEASES + "lifecycle", new byte[0], SwiftHeaders.of(
                RegistryLayout.LEASE_HOLDER, "", RegistryLayout.LEASE_EXPIRES, "0"));
        registry.objects().put(bucket, RegistryLayout.CHECKPOINTS + "lifecycle", "key-0042".getBytes(),
                SwiftHeaders.empty());

        s3().deleteBucket(b -> b.bucket(bucket));

        assertNull(RegistryRecords.owner(gateway(), bucket), "the record is gone with the bucket");
    }
}
