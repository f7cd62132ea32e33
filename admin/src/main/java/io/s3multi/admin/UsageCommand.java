package io.s3multi.admin;

import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftReply;
import io.s3multi.swift.error.SwiftException;
import java.util.Optional;

/**
 * {@code usage}: per bucket, what its container and its {@code <bucket>_segments} hold (objects and bytes, as
 * Swift's container statistics count them), and the sum of both. A multipart object's bytes are counted where its
 * parts are (the segments) and its manifest where the object is; Swift counts a manifest as the size it names, so
 * the bucket's bytes are what S3 clients see and the segments' bytes what is stored for them.
 */
final class UsageCommand {

    private final GatewaySetup gateway;
    private final Terminal terminal;

    UsageCommand(GatewaySetup gateway, Terminal terminal) {
        this.gateway = gateway;
        this.terminal = terminal;
    }

    int run(Optional<String> bucket, Optional<String> account) throws SwiftException {
        terminal.out().println("account\tbucket\tobjects\tbytes\tsegment_objects\tsegment_bytes");
        Progress progress = terminal.progress("buckets");
        long[] total = new long[4];
        for (BucketDirectory.Bucket each : gateway.buckets().buckets(bucket, account)) {
            SwiftAccount owner = gateway.account(each.account());
            long[] counts = new long[4];
            stats(owner, each.name(), counts, 0);
            stats(owner, SegmentsLayout.container(each.name()), counts, 2);
            terminal.out().println(each.account() + "\t" + each.name() + "\t" + counts[0] + "\t" + counts[1] + "\t"
                    + counts[2] + "\t" + counts[3]);
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
            progress.step(each.name());
        }
        progress.done();
        terminal.out().println("total\t\t" + total[0] + "\t" + total[1] + "\t" + total[2] + "\t" + total[3]);
        return 0;
    }

    /** Puts the container's object count at {@code counts[at]} and its bytes after it; a missing one counts 0. */
    private static void stats(SwiftAccount owner, String container, long[] counts, int at) throws SwiftException {
        Optional<SwiftReply> head = S3Failures.unlessNotFound(() -> owner.containers().head(container));
        if (head.isPresent()) {
            counts[at] = Long.parseLong(head.get().header("X-Container-Object-Count"));
            counts[at + 1] = Long.parseLong(head.get().header("X-Container-Bytes-Used"));
        }
    }
}
