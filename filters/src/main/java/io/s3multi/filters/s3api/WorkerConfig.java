package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.ServiceIdentity;
import io.s3multi.filters.pipeline.Setting;
import io.s3multi.s3.background.WorkerSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The background worker's settings of the s3api stage, and whether it runs: only with {@code worker} on, a bucket
 * registry (which says what buckets there are) and a service identity (which reaches their accounts).
 */
final class WorkerConfig {

    private static final Set<String> ON = Set.of("on", "true", "yes", "1");
    private static final Set<String> OFF = Set.of("off", "false", "no", "0");

    static final Setting<Boolean> WORKER = new Setting<>("worker", "on", WorkerConfig::onOrOff, "Whether this"
            + " gateway runs background work (lifecycle rules, sweeping) on the buckets of the bucket registry:"
            + " on or off. It runs only with a bucket registry and a service identity (service_user, service_key)"
            + " as well; several gateways may all run it (one works a bucket at a time).");
    static final Setting<Duration> WORKER_INTERVAL = Setting.seconds("worker_interval", "3600",
            "Seconds between the worker's passes over all buckets; also the least time between two runs of one"
                    + " job on one bucket, across all gateways.");
    static final Setting<Duration> WORKER_LEASE = Setting.seconds("worker_lease", "60", "Seconds a"
            + " bucket's lease lasts without renewal: how soon another gateway takes over the buckets of a"
            + " gateway that stopped or died. The gateways' clocks must agree to well within a quarter of it.");
    static final Setting<Double> WORKER_SWIFT_SHARE = new Setting<>("worker_swift_share", "0.1",
            WorkerConfig::share, "The most of this gateway's Swift requests background work may send (between"
                    + " 0 and 1, exclusive); besides, it may always send 5 requests a second, so that an idle"
                    + " gateway makes progress.");
    static final Setting<Duration> LIFECYCLE_DAY = Setting.seconds("lifecycle_day", "86400", "Seconds"
            + " in a day of lifecycle rules (Days, NoncurrentDays, DaysAfterInitiation); shorter only for tests.");

    private WorkerConfig() {
    }

    /** The worker's settings when it is to run, or empty (the reason is logged by the caller). */
    static WorkerSettings from(FilterSettings settings) {
        return new WorkerSettings(WORKER_INTERVAL.read(settings), WORKER_LEASE.read(settings),
                WORKER_SWIFT_SHARE.read(settings), LIFECYCLE_DAY.read(settings));
    }

    /** Why the worker does not run, or empty when it does. */
    static Optional<String> whyOff(FilterSettings settings, boolean registry) {
        ServiceIdentity service = settings.serviceIdentity();
        if (!WORKER.read(settings)) {
            return Optional.of(settings.key(WORKER.name()) + " is off");
        }
        if (!registry) {
            return Optional.of("no bucket registry (filter.s3api.bucket_registry_user) says what buckets there are");
        }
        if (!service.isConfigured()) {
            return Optional.of("no service identity (service_user and service_key) reaches the buckets' accounts");
        }
        return Optional.empty();
    }

    private static Boolean onOrOff(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        if (ON.contains(word)) {
            return true;
        }
        if (OFF.contains(word)) {
            return false;
        }
        throw new IllegalArgumentException("neither on nor off");
    }

    private static Double share(String text) {
        BigDecimal share;
        try {
            share = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("must be more than 0 and less than 1");
        }
        return share.doubleValue();
    }
}
