package io.s3multi.webapp;

import io.s3multi.filters.pipeline.ConfigLoader;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.PipelineConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar s3multi.jar [--conf FILE] [--port N]}: runs the gateway in embedded Jetty until the process
 * is stopped (SIGTERM or Ctrl-C stop it gracefully).
 *
 * <p>The configuration is found as {@link ConfigLoader} describes ({@code --conf}, {@code -Ds3multi.conf},
 * {@code $S3MULTI_CONF}, the copy inside the jar), with {@code -Ds3multi.<key>} overrides; {@code --port}
 * replaces {@code server.port}. A refused configuration exits with status 2 and the validator's message,
 * any other failure to start with status 1.
 */
public final class S3MultiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(S3MultiLauncher.class);

    private S3MultiLauncher() {
    }

    public static void main(String[] args) {
        LauncherArguments arguments;
        try {
            arguments = LauncherArguments.parse(args);
        } catch (IllegalArgumentException e) {
            LOG.error("{}\n{}", e.getMessage(), LauncherArguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            LOG.info(LauncherArguments.USAGE);
            return;
        }
        try {
            GatewayConfig config = ConfigLoader.fromSystem(S3MultiLauncher.class.getClassLoader())
                    .load(arguments.confFile());
            if (arguments.port() != null) {
                config = config.withPort(arguments.port());
            }
            S3MultiServer server = S3MultiServer.start(config);
            LOG.info("s3multi listening on {} with pipeline '{}'", server.uri(), config.pipelineLine());
            server.join();
        } catch (PipelineConfigException e) {
            LOG.error("refusing to start: {}", e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("cannot start s3multi", e);
            System.exit(1);
        }
    }
}
