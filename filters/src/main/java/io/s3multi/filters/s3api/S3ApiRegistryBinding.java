package io.s3multi.filters.s3api;

import io.s3multi.filters.metrics.GatewayMetrics;
import io.s3multi.filters.s3.SharedBucketRegistry;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.s3.handler.S3ApiDispatcher;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.operation.S3ApiSettings;
import io.s3multi.s3.lifecycle.LifecycleDays;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the s3api stage's dispatcher with its bucket registry once the stage is installed in a servlet context,
 * where the shared Swift backends live.
 *
 * <p>With {@code bucket_registry_user} set, the registry's Swift account is opened on the backend for
 * {@code swift_url} (shared with tempauth when the URLs are the same), published for the s3multi stage
 * ({@link SharedBucketRegistry}) and released when the stage is destroyed; without it the dispatcher has no
 * registry and opens nothing.
 *
 * <p>The background worker ({@link BackgroundWorkBinding}) works on the registry's buckets, so it starts with the
 * registry, on the same backend, and stops before the backend is given back.
 */
final class S3ApiRegistryBinding {

    private final S3ApiSettings settings;
    private final URI swiftUrl;
    private final BackgroundWorkBinding background;
    private final Duration lifecycleCacheTtl;
    private final LifecycleDays lifecycleDays;
    private SwiftBackendLease lease;
    private ServletContext context;

    /**
     * @param background        the worker that runs on the registry's buckets, if it is to run
     * @param lifecycleCacheTtl how long a bucket's lifecycle configuration is kept for the object headers
     * @param lifecycleDay      the length of a lifecycle day, for the dates those headers show
     */
    S3ApiRegistryBinding(S3ApiSettings settings, URI swiftUrl, BackgroundWorkBinding background,
            Duration lifecycleCacheTtl, Duration lifecycleDay) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.swiftUrl = Objects.requireNonNull(swiftUrl, "swiftUrl");
        this.background = Objects.requireNonNull(background, "background");
        this.lifecycleCacheTtl = Objects.requireNonNull(lifecycleCacheTtl, "lifecycleCacheTtl");
        this.lifecycleDays = new LifecycleDays(lifecycleDay);
    }

    /** The dispatcher for this stage, its registry opened in {@code servletContext}'s shared backends. */
    S3ApiDispatcher bind(ServletContext servletContext) {
        if (!settings.hasBucketRegistry()) {
            background.start(() -> {
                throw new IllegalStateException("no worker without a bucket registry");
            }, settings, Optional.empty());
            return new S3ApiDispatcher(settings);
        }
        lease = SwiftBackendLease.take(servletContext, swiftUrl);
        BucketRegistry registry = BucketRegistry.of(lease.backend(), settings);
        context = servletContext;
        LifecycleLookup lifecycles = new LifecycleLookup(registry::lifecycle, lifecycleCacheTtl, lifecycleDays,
                Clock.systemUTC());
        SharedBucketRegistry.publish(context, registry, lifecycles);
        background.start(lease::backend, settings, GatewayMetrics.in(servletContext));
        return new S3ApiDispatcher(settings, registry, lifecycles);
    }

    /** Stops the background worker and gives the registry's backend back. */
    void unbind() {
        background.stop();
        if (context != null) {
            SharedBucketRegistry.withdraw(context);
        }
        SwiftBackendLease.releaseIfTaken(lease);
    }
}
