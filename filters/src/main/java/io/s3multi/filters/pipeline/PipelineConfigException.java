package io.s3multi.filters.pipeline;

import java.util.List;

/**
 * The configuration cannot run: the gateway refuses to start.
 *
 * <p>The message always shows the whole pipeline line, then every problem found, then where the
 * configuration came from, so one look at the log tells the operator what to change:
 *
 * <pre>
 * pipeline 'catch_errors healthcheck proxy_server proxy_logging': proxy_server must be last
 *     [config: file conf/proxy-server.properties]
 * </pre>
 */
public final class PipelineConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PipelineConfigException(String pipelineLine, String origin, List<String> problems) {
        super(format(pipelineLine, origin, problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, without the pipeline and origin around them. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String pipelineLine, String origin, List<String> problems) {
        return "pipeline '" + pipelineLine + "': " + String.join("; ", problems) + " [config: " + origin + "]";
    }
}
