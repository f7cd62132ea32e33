package io.s3multi.filters.s3api;

import io.s3multi.filters.metrics.GatewayMetrics;
import io.s3multi.filters.pipeline.ServiceIdentity;
import io.s3multi.filters.s3.SharedAccess;
import io.s3multi.filters.s3.SharedBucketRegistry;
import io.s3multi.filters.s3.SharedMultipartSettings;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.s3.access.authorization.Authorizer;
import io.s3multi.s3.access.authorization.BucketAccessCache;
import io.s3multi.s3.access.authorization.OtherAccounts;
import io.s3multi.s3.background.ServiceAccounts;
import io.s3multi.s3.contract.RegistryLayout;
import io.s3multi.s3.handler.S3ApiDispatcher;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.lifecycle.LifecycleDays;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import io.s3multi.s3.operation.S3ApiSettings;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the s3api stage's dispatcher with its bucket registry once the stage is installed in a servlet context,
 * where the shared Swift backends live.
 *
 * <p>With {@code bucket_registry_user} set, the registry's Swift account is opened on the backend for
 * {@code swift_url} (shared with tempauth when the URLs are the same), published for the s3multi stage
 * ({@link SharedBucketRegistry}) with the authorization built on it ({@link SharedAccess}: the registry's access
 * documents, the {@code access_cache_ttl}, the service identity for requests allowed on other accounts), and released when the stage is destroyed; without it the dispatcher has no
 * registry and opens nothing.
 *
 * <p>The background worker ({@link BackgroundWorkBinding}) works on the registry's buckets, so it starts with the
 * registry, on the same backend, and stops before the backend is given back.
 */
final class S3ApiRegistryBinding {

    private static final Logger LOG = LoggerFactory.getLogger(S3ApiRegistryBinding.class);

    private final S3ApiSettings settings;
    private final URI swiftUrl;
    private final BackgroundWorkBinding background;
    private final Duration lifecycleCacheTtl;
    private final LifecycleDays lifecycleDays;
    private final Duration accessCacheTtl;
    private final ServiceIdentity service;
    private SwiftBackendLease lease;
    private ServletContext context;

    /**
     * @param background        the worker that runs on the registry's buckets, if it is to run
     * @param lifecycleCacheTtl how long a bucket's lifecycle configuration is kept for the object headers
     * @param lifecycleDay      the length of a lifecycle day, for the dates those headers show
     * @param accessCacheTtl    how long a bucket's access state is kept for authorizing requests
     * @param service           the identity that acts on other accounts for requests authorized there
     */
    S3ApiRegistryBinding(S3ApiSettings settings, URI swiftUrl, BackgroundWorkBinding background,
            Duration lifecycleCacheTtl, Duration lifecycleDay, Duration accessCacheTtl, ServiceIdentity service) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.swiftUrl = Objects.requireNonNull(swiftUrl, "swiftUrl");
        this.background = Objects.requireNonNull(background, "background");
        this.lifecycleCacheTtl = Objects.requireNonNull(lifecycleCacheTtl, "lifecycleCacheTtl");
        this.lifecycleDays = new LifecycleDays(lifecycleDay);
        this.accessCacheTtl = Objects.requireNonNull(accessCacheTtl, "accessCacheTtl");
        this.service = Objects.requireNonNull(service, "service");
    }

    /** The dispatcher for this stage, its registry opened in {@code servletContext}'s shared backends. */
    S3ApiDispatcher bind(ServletContext servletContext) {
        if (!settings.hasBucketRegistry()) {
            background.start(() -> {
                throw new IllegalStateException("no worker without a bucket registry");
            }, settings, Optional.empty(), () -> SharedMultipartSettings.in(servletContext));
            return new S3ApiDispatcher(settings);
        }
        lease = SwiftBackendLease.take(servletContext, swiftUrl);
        BucketRegistry registry = BucketRegistry.of(lease.backend(), settings);
        context = servletContext;
        var buckets = new BucketAccessCache(new RegistryAccessDocuments(registry), accessCacheTtl, Clock.systemUTC());
        LifecycleLookup lifecycles = new LifecycleLookup(lifecycleIn(registry, buckets), lifecycleCacheTtl,
                lifecycleDays, Clock.systemUTC());
        SharedBucketRegistry.publish(context, registry, lifecycles);
        SharedAccess.publish(context, access(buckets));
        background.start(lease::backend, settings, GatewayMetrics.in(servletContext),
                () -> SharedMultipartSettings.in(servletContext));
        return new S3ApiDispatcher(settings, registry, lifecycles);
    }

    /**
     * Authorization with the registry's access documents; without a service identity only each account's own
     * buckets are reachable (said once, here).
     */
    private SharedAccess access(BucketAccessCache buckets) {
        if (!service.isConfigured()) {
            LOG.warn("no service identity (service_user, service_key): anonymous and cross-account S3 requests are"
                    + " refused (AccessDenied), whatever ACLs and bucket policies grant");
            return new SharedAccess(new Authorizer(buckets, false), OtherAccounts.NONE);
        }
        var accounts = new ServiceAccounts(lease.backend(), service.user(), service.key());
        return new SharedAccess(new Authorizer(buckets, true), accounts::forAccount);
    }

    /**
     * A bucket's lifecycle configuration, read only when its record holds one: which documents a record holds comes
     * with the listing authorization reads (and keeps for {@code access_cache_ttl}) for the same request, so a bucket
     * without a configuration, the usual case, costs no GET of its own when the lifecycle cache has expired. Its
     * staleness adds up: another gateway's new configuration shows after at most both TTLs (see docs/BENCHMARKS.md,
     * "Bytes per GiB"); this gateway's own change forgets both at once.
     */
    private static LifecycleLookup.Source lifecycleIn(BucketRegistry registry, BucketAccessCache buckets) {
        return bucket -> buckets.get(bucket).holds(RegistryLayout.LIFECYCLE) ? registry.lifecycle(bucket)
                : Optional.empty();
    }

    /** Stops the background worker and gives the registry's backend back. */
    void unbind() {
        background.stop();
        if (context != null) {
            SharedAccess.withdraw(context);
            SharedBucketRegistry.withdraw(context);
        }
        SwiftBackendLease.releaseIfTaken(lease);
    }
}
