package io.s3multi.filters.pipeline;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Installs the pipeline when the WAR is deployed.
 *
 * <p>The container finds this class through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer} in the filters jar, even with a
 * {@code metadata-complete} web.xml, and calls it before the application starts. It loads the configuration
 * with the usual {@link ConfigLoader} rules (the WAR carries a default copy in {@code WEB-INF/classes}) and
 * hands it to the same {@link PipelineInstaller} the embedded launcher uses. A refused configuration throws,
 * which makes the container fail the deployment instead of serving without a pipeline.
 *
 * <p>The embedded launcher does not trigger this initializer: a plain Jetty {@code ServletContextHandler}
 * does not scan for container initializers.
 */
public final class PipelineInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> ignored, ServletContext context) {
        // The web application's loader sees WEB-INF/classes (the default config) and WEB-INF/lib (the stages).
        ClassLoader loader = context.getClassLoader() != null
                ? context.getClassLoader()
                : PipelineInitializer.class.getClassLoader();
        GatewayConfig config = ConfigLoader.fromSystem(loader).load();
        PipelineInstaller.discover(loader).install(context, config);
    }
}
