package io.s3multi.bench;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.BucketWork;
import io.s3multi.swift.container.ListingPage;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a lifecycle run costs on a bucket where no rule matches: one walk through the listing, a page at a time
 * (each paced), the marker saved as the checkpoint after every page. Stands in for the lifecycle job until it
 * lands.
 */
final class ScanJob implements BucketJob {

    final AtomicLong objects = new AtomicLong();
    volatile long startNanos;
    volatile long endNanos;

    @Override
    public String name() {
        return "bench-scan";
    }

    @Override
    public void run(BucketWork work) throws SwiftException, InterruptedException {
        startNanos = System.nanoTime();
        String marker = work.checkpoint().position().orElse("");
        while (work.stillLeased()) {
            work.pacer().awaitTurn();
            ListingPage<ObjectEntry> page = work.owner().containers().listObjects(work.bucket(),
                    ListingQuery.all().withMarker(marker));
            if (page.isEmpty()) {
                work.checkpoint().clear();
                endNanos = System.nanoTime();
                return;
            }
            objects.addAndGet(page.entries().size());
            marker = page.entries().get(page.entries().size() - 1).name();
            work.checkpoint().save(marker);
        }
    }
}
