package io.s3multi.filters.s3api;

import io.s3multi.filters.metrics.GatewayMetrics;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.ServiceIdentity;
import io.s3multi.s3.background.ServiceAccounts;
import io.s3multi.s3.background.Worker;
import io.s3multi.s3.background.WorkerSettings;
import io.s3multi.s3.handler.bucket.SwiftBucketRegistry;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.sweep.OrphanSweeper;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the s3api stage's background {@link Worker} when the stage is installed (on the Swift backend the stage
 * shares, so that its pacing counts every request of the S3 stages) and stops it when the stage is destroyed; or
 * logs why there is none.
 */
final class BackgroundWorkBinding {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorkBinding.class);

    private final Optional<String> whyOff;
    private final WorkerSettings settings;
    private final ServiceIdentity service;
    private final Function<Duration, OrphanSweeper> sweeper;
    private Worker worker;

    private BackgroundWorkBinding(Optional<String> whyOff, WorkerSettings settings, ServiceIdentity service,
            Function<Duration, OrphanSweeper> sweeper) {
        this.whyOff = whyOff;
        this.settings = settings;
        this.service = service;
        this.sweeper = sweeper;
    }

    static BackgroundWorkBinding of(FilterSettings settings, S3ApiSettings api) {
        return new BackgroundWorkBinding(WorkerConfig.whyOff(settings, api.hasBucketRegistry()),
                WorkerConfig.from(settings), settings.serviceIdentity(), SweepConfig.sweeper(settings));
    }

    /**
     * Starts the worker on the stage's backend (asked for only when the worker runs), with the registry account
     * {@code api} names, its jobs counted in {@code metrics} when the gateway has them; or logs why it does not run.
     * The jobs keep to the s3multi stage's claim timeout, from {@code multipart} when they first run.
     */
    void start(Supplier<SwiftBackend> stageBackend, S3ApiSettings api, Optional<GatewayMetrics> metrics,
            Supplier<MultipartSettings> multipart) {
        if (whyOff.isPresent()) {
            LOG.info("background worker is off: {}", whyOff.get());
            return;
        }
        SwiftBackend backend = stageBackend.get();
        SwiftAccount registry = backend.tempAuthAccount(api.bucketRegistryUser(), api.bucketRegistryKey());
        worker = Worker.start(settings, registry, new ServiceAccounts(backend, service.user(), service.key()),
                BackgroundJobs.of(settings, new SwiftBucketRegistry(registry), sweeper, multipart).stream()
                        .map(job -> metrics.map(m -> m.metered(job)).orElse(job)).toList(),
                backend.transport()::requestsSent, Clock.systemUTC());
    }

    /** Stops the worker, if it runs. */
    void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }
}
