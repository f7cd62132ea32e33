package io.s3multi.filters.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a stage may sit in the pipeline, as its own factory declares it.
 *
 * <p>Each stage states only its own needs, and {@link PipelineValidator} checks all of them together, so a
 * new filter never edits a central table. Ordering rules between two stages apply only when both are in the
 * pipeline:
 *
 * <pre>{@code
 * Placement.first()                                  // catch_errors: outermost, sees every failure
 * Placement.last().required()                        // proxy_server: the terminal stage, always there
 * Placement.anywhere().before("s3multi", "s3api")    // tempauth, s3token: identity before S3 work
 * Placement.anywhere().before("s3api")               // s3multi: multipart before the generic S3 stage
 * }</pre>
 *
 * <p>Instances are immutable; every method returns a new one.
 */
public final class Placement {

    private static final Placement ANYWHERE = new Placement(false, false, false, Set.of(), Set.of());

    private final boolean first;
    private final boolean last;
    private final boolean required;
    private final Set<String> before;
    private final Set<String> after;

    private Placement(boolean first, boolean last, boolean required, Set<String> before, Set<String> after) {
        this.first = first;
        this.last = last;
        this.required = required;
        this.before = before;
        this.after = after;
    }

    /** No constraint. */
    public static Placement anywhere() {
        return ANYWHERE;
    }

    /** Must be the first stage when present. */
    public static Placement first() {
        return new Placement(true, false, false, Set.of(), Set.of());
    }

    /** Must be the last stage when present. */
    public static Placement last() {
        return new Placement(false, true, false, Set.of(), Set.of());
    }

    /** The pipeline is refused without this stage. */
    public Placement required() {
        return new Placement(first, last, true, before, after);
    }

    /** Must come before each of these stages that is present. */
    public Placement before(String... stages) {
        return new Placement(first, last, required, union(before, stages), after);
    }

    /** Must come after each of these stages that is present. */
    public Placement after(String... stages) {
        return new Placement(first, last, required, before, union(after, stages));
    }

    public boolean isFirst() {
        return first;
    }

    public boolean isLast() {
        return last;
    }

    public boolean isRequired() {
        return required;
    }

    /** Stages this one must precede, when present. */
    public Set<String> mustPrecede() {
        return before;
    }

    /** Stages this one must follow, when present. */
    public Set<String> mustFollow() {
        return after;
    }

    private static Set<String> union(Set<String> known, String... more) {
        var all = new LinkedHashSet<>(known);
        for (String stage : List.of(more)) {
            all.add(Objects.requireNonNull(stage, "stage"));
        }
        return Set.copyOf(all);
    }

    @Override
    public String toString() {
        return "Placement[first=" + first + ", last=" + last + ", required=" + required
                + ", before=" + before + ", after=" + after + "]";
    }
}
