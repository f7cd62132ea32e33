package io.s3multi.filters.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a configuration that cannot work, before any filter exists.
 *
 * <p>It checks, and reports together, every problem of these kinds:
 * <ul>
 *   <li>a stage name no factory answers to, or a name that appears twice;</li>
 *   <li>a {@code filter.<name>.<key>} for a stage that is not in the pipeline, or a key its factory does not
 *       accept;</li>
 *   <li>each present stage's own {@link Placement}: first, last, required, before and after other stages.</li>
 * </ul>
 *
 * <p>Ordering rules come only from the factories, so the rules for a stage live with the stage. Placement is
 * checked only for stages whose names are known and unique, to keep the message about the real mistake.
 */
public final class PipelineValidator {

    private PipelineValidator() {
    }

    /** @throws PipelineConfigException listing every problem found, with the whole pipeline */
    public static void validate(GatewayConfig config, FilterRegistry registry) {
        List<String> problems = problems(config, registry);
        if (!problems.isEmpty()) {
            throw new PipelineConfigException(config.pipelineLine(), config.origin(), problems);
        }
    }

    /** Every problem, in the order stages appear; empty when the configuration can run. */
    public static List<String> problems(GatewayConfig config, FilterRegistry registry) {
        List<String> stages = config.pipeline();
        var problems = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (String stage : stages) {
            if (!seen.add(stage)) {
                problems.add(stage + " appears more than once");
            } else if (registry.find(stage).isEmpty()) {
                problems.add("unknown filter '" + stage + "' (known: " + String.join(", ", registry.names()) + ")");
            }
        }
        checkSettings(config, registry, problems);
        if (problems.isEmpty()) {
            checkPlacements(stages, registry, problems);
        }
        return problems;
    }

    private static void checkSettings(GatewayConfig config, FilterRegistry registry, List<String> problems) {
        for (String filter : config.configuredFilters()) {
            Set<String> keys = config.settingsOf(filter).keySet();
            if (!config.pipeline().contains(filter)) {
                problems.add(GatewayConfig.FILTER_PREFIX + filter + "." + keys.iterator().next()
                        + " configures '" + filter + "', which is not in the pipeline");
                continue;
            }
            Optional<FilterFactory> factory = registry.find(filter);
            if (factory.isEmpty()) {
                continue;
            }
            Map<String, String> accepted = factory.get().defaults();
            Set<String> prefixes = factory.get().settingPrefixes();
            for (String key : keys) {
                if (!accepted.containsKey(key) && prefixes.stream().noneMatch(key::startsWith)) {
                    problems.add(GatewayConfig.FILTER_PREFIX + filter + "." + key + " is not a setting of " + filter
                            + " (settings: " + describeSettings(accepted.keySet(), prefixes) + ")");
                }
            }
        }
    }

    private static void checkPlacements(List<String> stages, FilterRegistry registry, List<String> problems) {
        for (int position = 0; position < stages.size(); position++) {
            String name = stages.get(position);
            Placement placement = registry.find(name).orElseThrow().placement();
            if (placement.isFirst() && position != 0) {
                problems.add(name + " must be first");
            }
            if (placement.isLast() && position != stages.size() - 1) {
                problems.add(name + " must be last");
            }
            for (String later : placement.mustPrecede()) {
                int other = stages.indexOf(later);
                if (other >= 0 && other < position) {
                    problems.add(name + " must come before " + later);
                }
            }
            for (String earlier : placement.mustFollow()) {
                if (stages.indexOf(earlier) > position) {
                    problems.add(name + " must come after " + earlier);
                }
            }
        }
        for (String name : registry.names()) {
            if (!stages.contains(name) && registry.find(name).orElseThrow().placement().isRequired()) {
                problems.add(name + " is required");
            }
        }
    }

    private static String describeSettings(Set<String> names, Set<String> prefixes) {
        var all = new ArrayList<>(names);
        prefixes.forEach(prefix -> all.add(prefix + "*"));
        return all.isEmpty() ? "none" : String.join(", ", all);
    }
}
