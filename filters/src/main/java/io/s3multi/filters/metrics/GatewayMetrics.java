package io.s3multi.filters.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.InstalledPipeline;
import io.s3multi.filters.pipeline.MetricsSettings;
import io.s3multi.filters.proxylogging.ProxyLoggingFilter;
import io.s3multi.filters.s3token.S3TokenFilter;
import io.s3multi.s3.background.BucketJob;
import io.s3multi.s3.background.BucketWork;
import io.s3multi.s3.background.WorkLog;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.http.SwiftExchangeListener;
import io.s3multi.swift.http.SwiftTransport;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus metrics of one installed gateway: a Micrometer registry, the meters that feed it, and the Prometheus
 * text ({@link #scrape()}). What each metric means is in {@code docs/METRICS.md}.
 *
 * <p>The {@link io.s3multi.filters.pipeline.PipelineInstaller} {@linkplain #attach attaches} it when
 * {@code metrics.port} or {@code metrics.path} is set ({@link MetricsSettings#collected()}); otherwise there is none
 * and nothing is measured. It is kept as a servlet context attribute, so the parts that live elsewhere find it:
 * <ul>
 *   <li>client requests: a listener on proxy_logging's access records ({@link S3RequestMeters}) and its count of
 *       requests whose bodies are still arriving;</li>
 *   <li>Swift requests: the S3 stages' shared Swift clients are started with {@link #swiftListener} and their pools
 *       watched with {@link #watchSwiftPool};</li>
 *   <li>Keystone: s3token's counts of Keystone requests and credential cache hits;</li>
 *   <li>the JVM (Micrometer's binders) and, in the embedded launcher, Jetty's request thread pool
 *       ({@link #watchThreadPool});</li>
 *   <li>background jobs: {@link #workLog} wraps a job's {@link WorkLog} so that what it did is counted.</li>
 * </ul>
 * {@link MetricsPathFilter} is registered before every stage: it serves {@code metrics.path} when set, and closes
 * the metrics when the context ends. The embedded launcher's own listener serves {@link #scrape()} itself.
 */
public final class GatewayMetrics implements AutoCloseable {

    /** The content type of the Prometheus text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    static final String CONTEXT_ATTRIBUTE = GatewayMetrics.class.getName();
    private static final String PATH_FILTER = "s3multi-metrics";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final SwiftRequestMeters swiftRequests = new SwiftRequestMeters(registry);
    private final MetricsReaders readers;

    private GatewayMetrics(MetricsSettings settings) {
        this.readers = new MetricsReaders(settings);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Creates the gateway's metrics when {@code config} makes them readable, binds them to the pipeline's stages,
     * registers the {@code metrics.path} filter (call before the stages are registered, so it comes first) and
     * keeps them in {@code context} until the context is destroyed.
     *
     * @return the metrics, or empty when none are collected
     */
    public static Optional<GatewayMetrics> attach(ServletContext context, GatewayConfig config,
            List<InstalledPipeline.Stage> stages) {
        MetricsSettings settings = config.metrics();
        if (!settings.collected()) {
            return Optional.empty();
        }
        var metrics = new GatewayMetrics(settings);
        metrics.bindStages(stages);
        // Always registered, because its destroy() is the one hook both the WAR and the embedded launcher give
        // for the context's end (a listener cannot be added to an embedded context before it starts).
        FilterRegistration.Dynamic registration = context.addFilter(PATH_FILTER,
                new MetricsPathFilter(settings.path(), config.storageDomains(), metrics));
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        context.setAttribute(CONTEXT_ATTRIBUTE, metrics);
        return Optional.of(metrics);
    }

    /** The metrics of {@code context}'s gateway, if it collects any. */
    public static Optional<GatewayMetrics> in(ServletContext context) {
        return context.getAttribute(CONTEXT_ATTRIBUTE) instanceof GatewayMetrics metrics
                ? Optional.of(metrics) : Optional.empty();
    }

    /** The listener a shared Swift client of this gateway is started with. */
    public SwiftExchangeListener swiftListener() {
        return swiftRequests;
    }

    /** Stops watching something when closed. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private void bindStages(List<InstalledPipeline.Stage> stages) {
        boolean logged = false;
        for (InstalledPipeline.Stage stage : stages) {
            if (stage.filter() instanceof ProxyLoggingFilter logging && !logged) {
                logging.addListener(new S3RequestMeters(registry));
                Gauge.builder("s3multi.uploads.in.flight", logging, ProxyLoggingFilter::uploadsInFlight)
                        .description("Client requests with a body that have not been answered yet")
                        .register(registry);
                logged = true;
            } else if (stage.filter() instanceof S3TokenFilter s3token) {
                FunctionCounter.builder("s3multi.keystone.requests", s3token, S3TokenFilter::keystoneRequests)
                        .description("HTTP requests s3token sent to Keystone, logins included").register(registry);
                FunctionCounter.builder("s3multi.keystone.cache.hits", s3token, S3TokenFilter::credentialCacheHits)
                        .description("S3 requests whose access key s3token found in its credential cache")
                        .register(registry);
                FunctionCounter.builder("s3multi.keystone.cache.misses", s3token,
                                S3TokenFilter::credentialCacheMisses)
                        .description("S3 requests whose access key was not in the credential cache")
                        .register(registry);
            }
        }
        if (!logged) {
            LOG.warn("metrics are on but the pipeline has no proxy_logging: no client request metrics");
        }
    }

    /** Watches the connection pool of a shared Swift client until the returned handle is closed. */
    public Watch watchSwiftPool(URI swiftUrl, Supplier<SwiftTransport.PoolUse> pool) {
        String swift = swiftUrl.getAuthority();
        Meter active = Gauge.builder("s3multi.swift.connections", () -> pool.get().active())
                .description("Connections of the S3 stages' Swift client, by state").tag("swift", swift)
                .tag("state", "active").register(registry);
        Meter idle = Gauge.builder("s3multi.swift.connections", () -> pool.get().idle())
                .description("Connections of the S3 stages' Swift client, by state").tag("swift", swift)
                .tag("state", "idle").register(registry);
        return () -> {
            registry.remove(active);
            registry.remove(idle);
        };
    }

    /** Watches the embedded server's request threads. */
    public void watchThreadPool(QueuedThreadPool threads) {
        Gauge.builder("s3multi.jetty.threads", threads, QueuedThreadPool::getBusyThreads)
                .description("Jetty's request threads, by state").tag("state", "busy").register(registry);
        Gauge.builder("s3multi.jetty.threads", threads, QueuedThreadPool::getIdleThreads)
                .description("Jetty's request threads, by state").tag("state", "idle").register(registry);
        Gauge.builder("s3multi.jetty.threads.max", threads, QueuedThreadPool::getMaxThreads)
                .description("The most request threads Jetty starts").register(registry);
        Gauge.builder("s3multi.jetty.queue", threads, QueuedThreadPool::getQueueSize)
                .description("Jobs waiting for a free Jetty thread").register(registry);
    }

    /** {@code next}, counting what job {@code job} records into it (s3multi_background_actions_total). */
    public WorkLog workLog(String job, WorkLog next) {
        return new MeteredWorkLog(registry, job, next);
    }

    /** {@code job}, run with a log that counts what it records ({@link #workLog}); the gateway's worker runs these. */
    public BucketJob metered(BucketJob job) {
        return new BucketJob() {
            @Override
            public String name() {
                return job.name();
            }

            @Override
            public void run(BucketWork work) throws SwiftException, InterruptedException {
                job.run(new BucketWork(work.bucket(), work.owner(), work.pacer(), work.checkpoint(), work.lease(),
                        work.clock(), work.dryRun(), workLog(job.name(), work.log())));
            }
        };
    }

    /** Who may read the metrics. */
    public MetricsReaders readers() {
        return readers;
    }

    /** The Prometheus text of every metric now. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
