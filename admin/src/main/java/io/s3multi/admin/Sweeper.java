package io.s3multi.admin;

import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.sweep.OrphanSweeper;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's orphan sweeper as the tool runs it: the configuration's grace period
 * ({@code filter.s3api.sweep_grace}) unless {@code --grace} says otherwise, the gateways' claim timeout
 * ({@code filter.s3multi.claim_timeout}), and no interval (it sweeps whenever run, whatever the worker's last sweep
 * of the bucket).
 */
final class Sweeper {

    private Sweeper() {
    }

    static BucketJob job(GatewayConfig config, Optional<Duration> grace) {
        return new OrphanSweeper(grace.orElseGet(() -> StageSettings.of(config, "s3api")
                .map(s3api -> s3api.seconds("sweep_grace")).orElse(OrphanSweeper.DEFAULT_GRACE)),
                StageSettings.claimTimeout(config));
    }
}
