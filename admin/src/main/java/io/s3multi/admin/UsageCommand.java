package io.s3multi.admin;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/**
 * {@code usage}: per bucket, its objects and their bytes as S3 clients see them (a multipart object counts with
 * its full size: the bucket's listing is read, one Swift request per 10,000 objects), what {@code <bucket>_segments}
 * holds (parts of multipart objects and of uploads in progress), and what Swift stores for the bucket in all:
 * the bucket container's bytes (a multipart object's manifest counts there with its own small size) plus the
 * segments'.
 */
record UsageCommand(GatewaySetup gateway, Terminal terminal) {

    private static final int OBJECTS = 0;
    private static final int BYTES = 1;
    private static final int SEGMENT_OBJECTS = 2;
    private static final int SEGMENT_BYTES = 3;
    private static final int STORED_BYTES = 4;

    int run(Optional<String> bucket, Optional<String> account) throws SwiftException {
        terminal.out().println("account\tbucket\tobjects\tbytes\tsegment_objects\tsegment_bytes\tstored_bytes");
        Progress progress = terminal.progress("objects");
        long[] total = new long[5];
        for (BucketDirectory.Bucket each : gateway.buckets().buckets(bucket, account)) {
            SwiftAccount owner = gateway.account(each.account());
            long[] counts = new long[5];
            S3Failures.ignoringNotFound(() -> {
                var cursor = owner.containers().listAllObjects(each.name(), ListingQuery.all());
                while (cursor.hasMorePages()) {
                    for (ObjectEntry object : cursor.nextPage().entries()) {
                        counts[OBJECTS]++;
                        counts[BYTES] += object.bytes();
                        progress.step(each.name());
                    }
                }
            });
            stats(owner, SegmentsLayout.container(each.name())).ifPresent(segments -> {
                counts[SEGMENT_OBJECTS] = count(segments, "X-Container-Object-Count");
                counts[SEGMENT_BYTES] = count(segments, "X-Container-Bytes-Used");
            });
            counts[STORED_BYTES] = counts[SEGMENT_BYTES]
                    + stats(owner, each.name()).map(b -> count(b, "X-Container-Bytes-Used")).orElse(0L);
            terminal.out().println(each.account() + "\t" + each.name() + "\t" + row(counts));
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
        }
        progress.done();
        terminal.out().println("total\t\t" + row(total));
        return 0;
    }

    private static Optional<SwiftReply> stats(SwiftAccount owner, String container) throws SwiftException {
        return S3Failures.unlessNotFound(() -> owner.containers().head(container));
    }

    private static long count(SwiftReply container, String header) {
        return Long.parseLong(container.header(header));
    }

    private static String row(long[] counts) {
        return counts[OBJECTS] + "\t" + counts[BYTES] + "\t" + counts[SEGMENT_OBJECTS] + "\t" + counts[SEGMENT_BYTES]
                + "\t" + counts[STORED_BYTES];
    }
}
