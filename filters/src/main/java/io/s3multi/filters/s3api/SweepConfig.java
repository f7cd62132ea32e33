package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.Setting;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.sweep.OrphanSweeper;
import java.time.Duration;
import java.util.function.Function;

/** The orphan sweeper's settings of the s3api stage, and the sweeper they make (docs/BACKGROUND.md). */
final class SweepConfig {

    static final Setting<Duration> SWEEP_GRACE = Setting.seconds("sweep_grace", "86400", "Seconds a leftover of a"
            + " crash in <bucket>_segments (a segment no object version names, a dead claim, an upload whose Complete"
            + " or Abort died) must have been left untouched before the orphan sweeper removes it: nothing younger"
            + " is ever removed. Uploads in progress are never removed, however old.");
    static final Setting<Duration> SWEEP_INTERVAL = Setting.seconds("sweep_interval", "86400", "The least seconds"
            + " between two finished sweeps of one bucket, across all gateways (a sweep reads the manifest of every"
            + " multipart object version of the bucket; the worker's other jobs run every worker_interval).");

    private SweepConfig() {
    }

    /**
     * The sweeper the background worker runs on every bucket, for the claim timeout of the s3multi stage (known
     * later); the settings are read, and checked, now.
     */
    static Function<Duration, OrphanSweeper> sweeper(FilterSettings settings) {
        Duration grace = SWEEP_GRACE.read(settings);
        Duration interval = SWEEP_INTERVAL.read(settings);
        new OrphanSweeper(grace, interval, MultipartSettings.DEFAULT_CLAIM_TIMEOUT);   // refuses bad values at startup
        return claimTimeout -> new OrphanSweeper(grace, interval, claimTimeout);
    }
}
