package io.s3multi.s3.background;

import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.error.SwiftException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's background worker: every {@code interval} it goes through the buckets the registry knows and, for
 * each bucket and each {@link BucketJob}, takes the bucket's lease for the job ({@link Leases}), runs the job with
 * the owner's account (reached with the service identity), a {@link SharePacer} and a checkpoint in Swift, and
 * gives the lease back. Of several gateways in front of one Swift, one works a bucket's job at a time, and a job
 * finished on a bucket is not run there again, by any gateway, within the interval.
 *
 * <p>Runs on two daemon threads of its own (passes, lease renewals), off the request path. {@link #close()} stops
 * both and interrupts a running job; the leases it held are not given back but left to expire, so that no other
 * gateway starts on a bucket while a request of the stopped job might still land: a stopped gateway and a dead one
 * look the same to the others.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final WorkLog LOGGED = (container, object, action, reason, performed) -> LOG.info(
            "background {}{} {}/{}: {}", performed ? "" : "(dry run) ", action, container, object, reason);

    private final WorkerSettings settings;
    private final WorkRecords records;
    private final ServiceAccounts accounts;
    private final List<BucketJob> jobs;
    private final SharePacer pacer;
    private final Leases leases;
    private final Clock clock;
    private final String holder;
    private final ScheduledThreadPoolExecutor threads;
    private volatile boolean stopping;

    private Worker(WorkerSettings settings, WorkRecords records, ServiceAccounts accounts, List<BucketJob> jobs,
            SharePacer pacer, Clock clock) {
        this.settings = settings;
        this.records = records;
        this.accounts = accounts;
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        this.holder = System.getenv().getOrDefault("HOSTNAME", "gateway") + "/" + UUID.randomUUID();
        this.pacer = pacer;
        this.leases = new Leases(records, holder, settings.lease(), settings.interval(), clock, pacer);
        AtomicInteger count = new AtomicInteger();
        this.threads = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "s3multi-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.setRemoveOnCancelPolicy(true);
    }

    /**
     * Starts working: the first pass comes after one interval and a random part of a quarter of one more, so that
     * gateways started together spread out.
     *
     * @param registry        the bucket registry's account, with the registry's identity
     * @param gatewayRequests how many Swift requests the gateway has sent so far (the pacer's measure)
     */
    public static Worker start(WorkerSettings settings, SwiftAccount registry, ServiceAccounts accounts,
            List<BucketJob> jobs, LongSupplier gatewayRequests, Clock clock) {
        return start(settings, registry, "", accounts, jobs, gatewayRequests, clock);
    }

    /** As the gateway's, on the buckets whose names start with {@code bucketPrefix} only (a benchmark's). */
    public static Worker start(WorkerSettings settings, SwiftAccount registry, String bucketPrefix,
            ServiceAccounts accounts, List<BucketJob> jobs, LongSupplier gatewayRequests, Clock clock) {
        return start(settings, new WorkRecords(registry, bucketPrefix), accounts, jobs,
                new SharePacer(gatewayRequests, settings.swiftShare(), SharePacer.FLOOR_PER_SECOND, clock), clock);
    }

    static Worker start(WorkerSettings settings, WorkRecords records, ServiceAccounts accounts, List<BucketJob> jobs,
            SharePacer pacer, Clock clock) {
        Worker worker = new Worker(settings, records, accounts, jobs, pacer, clock);
        long interval = settings.interval().toMillis();
        long first = interval + ThreadLocalRandom.current().nextLong(interval / 4 + 1);
        worker.threads.scheduleWithFixedDelay(worker::pass, first, interval, TimeUnit.MILLISECONDS);
        LOG.info("background worker {} started: jobs {}, a pass every {}, leases of {}, at most {} of the Swift"
                + " requests", worker.holder, jobs.stream().map(BucketJob::name).toList(), settings.interval(),
                settings.lease(), settings.swiftShare());
        return worker;
    }

    /** This worker's id, as its leases name it. */
    public String holder() {
        return holder;
    }

    /** How many Swift requests background work sent so far (jobs, leases, checkpoints). */
    public long backgroundRequests() {
        return pacer.backgroundRequests();
    }

    private void pass() {
        try {
            for (String bucket : records.buckets()) {
                for (BucketJob job : jobs) {
                    if (stopping) {
                        return;
                    }
                    workOn(bucket, job);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (SwiftException | RuntimeException e) {
            LOG.warn("background pass stopped (the next one comes in {}): {}", settings.interval(), e.toString());
        }
    }

    private void workOn(String bucket, BucketJob job) throws InterruptedException {
        Optional<Lease> taken;
        try {
            taken = leases.tryAcquire(bucket, job.name());
        } catch (SwiftException e) {
            LOG.warn("background {} on {}: cannot read or take its lease: {}", job.name(), bucket, e.toString());
            return;
        }
        if (taken.isEmpty()) {
            return;
        }
        Lease lease = taken.get();
        long renewal = leases.renewal().toMillis();
        ScheduledFuture<?> renewing = threads.scheduleAtFixedRate(() -> leases.renew(lease), renewal, renewal,
                TimeUnit.MILLISECONDS);
        boolean completed = false;
        try {
            completed = run(bucket, job, lease);
        } finally {
            renewing.cancel(false);
            if (!stopping) {
                leases.release(lease, completed);
            }
        }
    }

    /** @return whether the job went through the whole bucket (it returned while the lease still held) */
    private boolean run(String bucket, BucketJob job, Lease lease) throws InterruptedException {
        Optional<String> owner = Optional.empty();
        try {
            owner = records.ownerOf(bucket);
            if (owner.isEmpty()) {
                return false;
            }
            job.run(new BucketWork(bucket, accounts.forAccount(owner.get()), pacer,
                    new SwiftCheckpoint(records, bucket, job.name(), pacer), () -> !stopping && lease.stillHeld(),
                    clock, false, LOGGED));
            return !stopping && lease.stillHeld();
        } catch (SwiftException e) {
            if (S3Failures.isNotFound(e) && owner.isPresent() && bucketIsGone(bucket, owner.get())) {
                forget(bucket, job, lease);
            } else {
                LOG.warn("background {} on {} stopped (it resumes from its checkpoint): {}", job.name(), bucket,
                        e.toString());
            }
            return false;
        } catch (RuntimeException e) {
            LOG.warn("background {} on {} failed (it resumes from its checkpoint)", job.name(), bucket, e);
            return false;
        }
    }

    private boolean bucketIsGone(String bucket, String owner) {
        try {
            pacer.charge();
            return S3Failures.unlessNotFound(() -> accounts.forAccount(owner).containers().head(bucket)).isEmpty();
        } catch (SwiftException e) {
            return false;
        }
    }

    private void forget(String bucket, BucketJob job, Lease lease) {
        lease.lose();
        try {
            pacer.charge();
            records.forgetGoneBucket(bucket, job.name());
            LOG.info("background {}: bucket {} is gone; its lease and checkpoint are removed", job.name(), bucket);
        } catch (SwiftException e) {
            LOG.warn("background {}: bucket {} is gone, its lease stays until it expires: {}", job.name(), bucket,
                    e.toString());
        }
    }

    /** Stops the passes and the renewals, interrupts a running job, and waits a little for it to return. */
    @Override
    public void close() {
        stopping = true;
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("background worker {}: a job did not stop within {} (its thread is a daemon)", holder,
                        STOP_WAIT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        LOG.info("background worker {} stopped", holder);
    }
}
