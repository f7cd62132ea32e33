package io.s3multi.filters.pipeline;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The top-level settings that every stage receives, because the stages must agree on them.
 *
 * @param storageDomains the domains of virtual-host style S3 requests ({@code storage_domain}); empty for
 *                       path-style only
 * @param region         the gateway's AWS region ({@code region})
 * @param swiftUrl       the Swift every stage talks to unless it has a {@code swift_url} of its own
 * @param service        the gateway's identity for background work ({@code service_user}, {@code service_key})
 */
public record SharedSettings(List<String> storageDomains, String region, URI swiftUrl, ServiceIdentity service) {

    public SharedSettings {
        storageDomains = List.copyOf(storageDomains);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(swiftUrl, "swiftUrl");
        Objects.requireNonNull(service, "service");
    }

    /** Without a service identity. */
    public SharedSettings(List<String> storageDomains, String region, URI swiftUrl) {
        this(storageDomains, region, swiftUrl, ServiceIdentity.NONE);
    }

    /** What a file that says nothing about them gets. */
    public static SharedSettings defaults() {
        return new SharedSettings(TopLevelSettings.STORAGE_DOMAIN.parsedDefault(),
                TopLevelSettings.REGION.parsedDefault(), TopLevelSettings.SWIFT_URL.parsedDefault());
    }
}
