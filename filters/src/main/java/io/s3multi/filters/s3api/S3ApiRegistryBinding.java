package io.s3multi.filters.s3api;

import io.s3multi.filters.s3.SharedBucketRegistry;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.s3.handler.S3ApiDispatcher;
import io.s3multi.s3.handler.bucket.BucketRegistry;
import io.s3multi.s3.operation.S3ApiSettings;
import jakarta.servlet.ServletContext;
import io.s3multi.s3.lifecycle.LifecycleDays;
import io.s3multi.s3.lifecycle.LifecycleLookup;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds the s3api stage's dispatcher with its bucket registry once the stage is installed in a servlet context,
 * where the shared Swift backends live.
 *
 * <p>With {@code bucket_registry_user} set, the registry's Swift account is opened on the backend for
 * {@code swift_url} (shared with tempauth when the URLs are the same), published for the s3multi stage
 * ({@link SharedBucketRegistry}) and released when the stage is destroyed; without it the dispatcher has no
 * registry and opens nothing.
 */
final class S3ApiRegistryBinding {

    private final S3ApiSettings settings;
    private final URI swiftUrl;
    private final Duration lifecycleCacheTtl;
    private SwiftBackendLease lease;
    private ServletContext context;

    /** @param lifecycleCacheTtl how long a bucket's lifecycle configuration is kept for the object headers */
    S3ApiRegistryBinding(S3ApiSettings settings, URI swiftUrl, Duration lifecycleCacheTtl) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.swiftUrl = Objects.requireNonNull(swiftUrl, "swiftUrl");
        this.lifecycleCacheTtl = Objects.requireNonNull(lifecycleCacheTtl, "lifecycleCacheTtl");
    }

    /** The dispatcher for this stage, its registry opened in {@code servletContext}'s shared backends. */
    S3ApiDispatcher bind(ServletContext servletContext) {
        if (!settings.hasBucketRegistry()) {
            return new S3ApiDispatcher(settings);
        }
        lease = SwiftBackendLease.take(servletContext, swiftUrl);
        BucketRegistry registry = BucketRegistry.of(lease.backend(), settings);
        context = servletContext;
        LifecycleLookup lifecycles = new LifecycleLookup(registry::lifecycle, lifecycleCacheTtl, LifecycleDays.REAL,
                Clock.systemUTC());
        SharedBucketRegistry.publish(context, registry, lifecycles);
        return new S3ApiDispatcher(settings, registry, lifecycles);
    }

    /** Gives the registry's backend back. */
    void unbind() {
        if (context != null) {
            SharedBucketRegistry.withdraw(context);
        }
        SwiftBackendLease.releaseIfTaken(lease);
    }
}
