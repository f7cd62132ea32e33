package io.s3multi.admin;

import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.s3.background.BucketJob;
import java.time.Duration;
import java.util.Optional;

/** The gateway's orphan sweeper, with the configuration's settings (its grace period). */
final class Sweeper {

    private Sweeper() {
    }

    static BucketJob job(GatewayConfig config, Optional<Duration> grace) {
        throw new UsageException("this build has no orphan sweeper yet (io.s3multi.s3.sweep.OrphanSweeper)");
    }
}
