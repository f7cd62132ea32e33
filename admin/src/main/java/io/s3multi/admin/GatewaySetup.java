package io.s3multi.admin;

import io.s3multi.filters.pipeline.ConfigLoader;
import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.ServiceIdentity;
import io.s3multi.s3.background.ServiceAccounts;
import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftBackend;
import io.s3multi.swift.SwiftClientConfig;
import java.net.URI;
import java.nio.file.Path;

/**
 * The gateway as its own configuration file describes it, for the commands that work in Swift: the same Swift, the
 * same bucket registry (which buckets exist, who owns them) and the same service identity (a tempauth reseller
 * admin whose token reaches every account).
 */
final class GatewaySetup implements AutoCloseable {

    private final GatewayConfig config;
    private final SwiftBackend backend;
    private final SwiftBackend registryBackend;
    private final ServiceAccounts accounts;
    private final BucketDirectory buckets;

    private GatewaySetup(GatewayConfig config, SwiftBackend backend, SwiftBackend registryBackend,
            ServiceAccounts accounts, BucketDirectory buckets) {
        this.config = config;
        this.backend = backend;
        this.registryBackend = registryBackend;
        this.accounts = accounts;
        this.buckets = buckets;
    }

    /**
     * Reads the configuration as the gateway does ({@code --conf FILE}, else {@code -Ds3multi.conf}, else
     * {@code S3MULTI_CONF}; {@code -Ds3multi.<key>} overrides) and connects nothing yet.
     */
    static GatewayConfig load(Arguments args) {
        return ConfigLoader.fromSystem(GatewaySetup.class.getClassLoader())
                .load(args.option("conf").map(Path::of).orElse(null));
    }

    /** The Swift side of {@code config}; refuses a configuration without a service identity or a registry. */
    static GatewaySetup open(GatewayConfig config) {
        ServiceIdentity service = config.shared().service();
        if (!service.isConfigured()) {
            throw new UsageException("the configuration has no service_user/service_key: the tool reaches the"
                    + " buckets' accounts with the gateway's service identity (" + config.origin() + ")");
        }
        FilterSettings s3api = StageSettings.of(config, "s3api")
                .orElseThrow(() -> new UsageException("the pipeline has no s3api stage: no buckets to work on"));
        String registryUser = s3api.text("bucket_registry_user");
        if (registryUser.isEmpty()) {
            throw new UsageException("filter.s3api.bucket_registry_user is empty: without the bucket registry the"
                    + " tool cannot tell which buckets exist (" + config.origin() + ")");
        }
        String ownUrl = s3api.text("swift_url");
        URI registryUrl = ownUrl.isEmpty() ? config.swiftUrl() : URI.create(ownUrl);
        SwiftBackend backend = SwiftBackend.start(SwiftClientConfig.defaults(config.swiftUrl()));
        SwiftBackend registryBackend = registryUrl.equals(config.swiftUrl()) ? backend
                : SwiftBackend.start(SwiftClientConfig.defaults(registryUrl));
        SwiftAccount registry = registryBackend.tempAuthAccount(registryUser, s3api.text("bucket_registry_key"));
        return new GatewaySetup(config, backend, registryBackend, new ServiceAccounts(backend, service.user(), service.key()),
                new BucketDirectory(registry));
    }

    GatewayConfig config() {
        return config;
    }

    BucketDirectory buckets() {
        return buckets;
    }

    /** The account {@code account} (such as {@code AUTH_test}) reached with the service identity. */
    SwiftAccount account(String account) {
        return accounts.forAccount(account);
    }

    @Override
    public void close() {
        backend.close();
        if (registryBackend != backend) {
            registryBackend.close();
        }
    }
}
