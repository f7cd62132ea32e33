package io.s3multi.filters.pipeline;

import io.s3multi.filters.metrics.GatewayMetrics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the configured stages as real servlet filters of a servlet context, in pipeline order.
 *
 * <p>This is the only place that turns a configuration into filters, and both ways of running the gateway
 * call it: the WAR through {@link PipelineInitializer} (a {@code ServletContainerInitializer}), the
 * embedded launcher directly on its {@code ServletContextHandler} before starting it. The steps:
 * <ol>
 *   <li>validate the whole configuration ({@link PipelineValidator}), refusing it with one message;</li>
 *   <li>create every filter through its factory, so bad setting values also fail before anything runs;</li>
 *   <li>add each with {@link ServletContext#addFilter(String, Filter)}, mapped to {@code /*} for
 *       {@link DispatcherType#REQUEST} and <em>after</em> earlier mappings, which makes the container's chain
 *       order the pipeline order. The container then calls {@code init} and {@code destroy}.</li>
 *   <li>attach the gateway's metrics ({@link GatewayMetrics}) when {@code metrics.*} make them readable;</li>
 *   <li>map {@link ChainEndServlet} to {@code /}, because containers run filters only for requests mapped to
 *       a servlet.</li>
 * </ol>
 *
 * <p>Only {@code REQUEST} dispatches run the pipeline: an error page or forward inside the container must not
 * pass through authentication or be proxied a second time. Installing twice into one context is refused,
 * which is how a launcher that also triggered the container initializer would notice.
 */
public final class PipelineInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineInstaller.class);

    /** The name of the {@link ChainEndServlet} registration. */
    static final String CHAIN_END_SERVLET = "s3multi-chain-end";

    private final FilterRegistry registry;

    public PipelineInstaller(FilterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** An installer over every factory {@code loader} can discover. */
    public static PipelineInstaller discover(ClassLoader loader) {
        return new PipelineInstaller(FilterRegistry.discover(loader));
    }

    /**
     * What {@link #install} checks before it touches a servlet context: the pipeline's shape, and every stage's
     * settings as far as creating its filter checks them. No filter is initialised and nothing is sent anywhere
     * (the admin tool's {@code check-config}).
     *
     * @throws PipelineConfigException when the configuration would be refused at startup
     */
    public void check(GatewayConfig config) {
        PipelineValidator.validate(config, registry);
        createFilters(config);
    }

    /**
     * Validates {@code config}, creates its filters and registers them in {@code context}.
     *
     * @throws PipelineConfigException when the configuration is refused
     * @throws IllegalStateException   when the context already has a pipeline or a filter of the same name
     */
    public InstalledPipeline install(ServletContext context, GatewayConfig config) {
        if (InstalledPipeline.in(context) != null) {
            throw new IllegalStateException("a pipeline is already installed in this context: "
                    + InstalledPipeline.in(context));
        }
        PipelineValidator.validate(config, registry);
        config.swiftTimeouts().storeIn(context);   // before the stages start their Swift clients
        List<InstalledPipeline.Stage> stages = createFilters(config);
        // before the stages: its metrics.path filter must come first, and the stages' Swift clients find it
        GatewayMetrics.attach(context, config, stages);
        for (InstalledPipeline.Stage stage : stages) {
            FilterRegistration.Dynamic registration = context.addFilter(stage.name(), stage.filter());
            if (registration == null) {
                throw new IllegalStateException("the servlet context already has a filter named '" + stage.name()
                        + "' (declared in web.xml?)");
            }
            registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        }
        ServletRegistration.Dynamic end = context.addServlet(CHAIN_END_SERVLET, new ChainEndServlet());
        if (end == null) {
            throw new IllegalStateException("the servlet context already has a servlet named '"
                    + CHAIN_END_SERVLET + "'");
        }
        end.addMapping("/");
        context.addServlet("s3multi-container-error", new ContainerErrorServlet())
                .addMapping(ContainerErrorServlet.PATH);
        var installed = new InstalledPipeline(stages, config.origin());
        context.setAttribute(InstalledPipeline.CONTEXT_ATTRIBUTE, installed);
        LOG.info("pipeline '{}' installed from {}", config.pipelineLine(), config.origin());
        return installed;
    }

    private List<InstalledPipeline.Stage> createFilters(GatewayConfig config) {
        var stages = new ArrayList<InstalledPipeline.Stage>();
        var problems = new ArrayList<String>();
        for (String name : config.pipeline()) {
            FilterFactory factory = registry.find(name).orElseThrow();
            try {
                var settings = new FilterSettings(name, factory.defaults(), config.settingsOf(name), config.shared());
                stages.add(new InstalledPipeline.Stage(name, factory.create(settings)));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PipelineConfigException(config.pipelineLine(), config.origin(), problems);
        }
        return stages;
    }
}
