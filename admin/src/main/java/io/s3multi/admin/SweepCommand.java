package io.s3multi.admin;

import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.BucketWork;
import io.s3multi.s3.background.Checkpoint;
import io.s3multi.s3.background.Pacer;
import io.s3multi.s3.background.WorkLog;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code sweep [--dry-run]}: the gateway's orphan sweeper ({@link BucketJob}) run on every bucket of the registry
 * at once, unpaced and without checkpoints, every action printed. The gateways' worker runs the same job under a
 * lease; running the tool while it works is safe, as two gateways sweeping are (the job's own rules, such as its
 * grace period, hold either way). Each line names the action, whether it was done ({@code no} in a dry run, and
 * for what the job only reports, such as names it leaves alone), the object and why.
 */
record SweepCommand(GatewaySetup gateway, Terminal terminal, Clock clock, BucketJob job) {

    int run(boolean dryRun, Optional<String> bucket, Optional<String> account)
            throws SwiftException, InterruptedException {
        terminal.out().println("action\tdone\tcontainer\tobject\treason");
        Progress progress = terminal.progress("buckets");
        int[] actions = new int[1];
        WorkLog printing = (container, object, action, reason, performed) -> {
            actions[0]++;
            terminal.out().println(action + "\t" + (performed ? "yes" : "no") + "\t" + container + "\t" + object
                    + "\t" + reason);
        };
        for (BucketDirectory.Bucket each : gateway.buckets().buckets(bucket, account)) {
            job.run(new BucketWork(each.name(), gateway.account(each.account()), Pacer.UNPACED, Checkpoint.NONE,
                    () -> true, clock, dryRun, printing));
            progress.step(each.name());
        }
        progress.done();
        terminal.err().println(job.name() + ": " + actions[0] + (dryRun ? " actions (dry run: nothing changed)"
                : " actions"));
        return 0;
    }
}
