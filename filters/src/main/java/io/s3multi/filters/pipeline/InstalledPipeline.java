package io.s3multi.filters.pipeline;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Objects;

/**
 * The filters one {@link PipelineInstaller} registered in a servlet context, in chain order.
 *
 * <p>Kept as the context attribute {@link #CONTEXT_ATTRIBUTE}, so the embedded launcher, tests and
 * management code can reach a stage's instance (for example proxy_logging's traffic listeners) without a
 * static registry.
 */
public final class InstalledPipeline {

    /** The servlet context attribute that holds the installed pipeline. */
    public static final String CONTEXT_ATTRIBUTE = InstalledPipeline.class.getName();

    /** One registered stage. */
    public record Stage(String name, Filter filter) {
        public Stage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(filter, "filter");
        }
    }

    private final List<Stage> stages;
    private final String origin;

    InstalledPipeline(List<Stage> stages, String origin) {
        this.stages = List.copyOf(stages);
        this.origin = origin;
    }

    /** The pipeline installed in {@code context}, or {@code null} when none is. */
    public static InstalledPipeline in(ServletContext context) {
        return (InstalledPipeline) context.getAttribute(CONTEXT_ATTRIBUTE);
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Stage names in chain order. */
    public List<String> names() {
        return stages.stream().map(Stage::name).toList();
    }

    /** Where the configuration came from. */
    public String origin() {
        return origin;
    }

    /**
     * The filter of the stage called {@code name}.
     *
     * @throws IllegalArgumentException when there is no such stage or it is not a {@code type}
     */
    public <T extends Filter> T filter(String name, Class<T> type) {
        for (Stage stage : stages) {
            if (stage.name().equals(name) && type.isInstance(stage.filter())) {
                return type.cast(stage.filter());
            }
        }
        throw new IllegalArgumentException("no stage '" + name + "' of type " + type.getSimpleName()
                + " in pipeline '" + String.join(" ", names()) + "'");
    }

    @Override
    public String toString() {
        return "InstalledPipeline['" + String.join(" ", names()) + "' from " + origin + "]";
    }
}
