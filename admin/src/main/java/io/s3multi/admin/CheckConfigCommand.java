package io.s3multi.admin;

import io.s3multi.filters.pipeline.ConfigLoader;
import io.s3multi.filters.pipeline.GatewayConfig;
import io.s3multi.filters.pipeline.PipelineConfigException;
import io.s3multi.filters.pipeline.PipelineInstaller;
import java.nio.file.Path;

/**
 * {@code check-config FILE}: the gateway's startup validation of a configuration file, offline. The file is read
 * as the launcher reads its {@code --conf} ({@code -Ds3multi.<key>} overrides apply), the pipeline is checked and
 * every stage's filter created, exactly as at startup, but none is initialised: nothing is sent to Swift or
 * Keystone. Exit code 0 when the gateway would start with it, 1 with the gateway's own message otherwise.
 */
record CheckConfigCommand(Terminal terminal) {

    int run(Path file) {
        ClassLoader loader = CheckConfigCommand.class.getClassLoader();
        try {
            GatewayConfig config = ConfigLoader.fromSystem(loader).load(file);
            PipelineInstaller.discover(loader).check(config);
            terminal.out().println("OK: pipeline '" + config.pipelineLine() + "' from " + config.origin());
            return 0;
        } catch (PipelineConfigException refused) {
            terminal.err().println(refused.getMessage());
            return 1;
        }
    }
}
