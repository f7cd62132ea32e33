package io.s3multi.filters.pipeline;

import java.util.List;

/**
 * The configuration reference ({@code docs/CONFIGURATION.md}), written from the settings' declarations so that
 * it cannot drift from what the gateway accepts. A test in the filters module compares the committed file with
 * {@link #markdown(List)} and rewrites it on request.
 */
public final class ConfigurationReference {

    private ConfigurationReference() {
    }

    /**
     * The reference: the top-level keys, then every stage in the order given.
     *
     * @param stages the declarations of the stages, e.g. in the order the factories are listed for the
     *               {@link java.util.ServiceLoader}
     */
    public static String markdown(List<DeclaredSettings> stages) {
        var out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("<!-- Generated from the settings' declarations (Setting, DeclaredSettings) by"
                        + " ConfigurationReferenceTest; do not edit by hand. -->\n\n")
                .append("Every key `conf/proxy-server.properties` may hold, with its default. Stage settings are"
                        + " written `filter.<stage>.<setting>` and are accepted only for stages in the pipeline;"
                        + " any unknown key stops the gateway at startup. Any key can be overridden with a system"
                        + " property `s3multi.<key>`.\n");
        section(out, "Top level", TopLevelSettings.ALL);
        stages.forEach(stage -> section(out, "`" + stage.stage() + "`", stage));
        return out.toString();
    }

    private static void section(StringBuilder out, String title, DeclaredSettings declared) {
        out.append("\n## ").append(title).append("\n\n");
        if (!declared.summary().isEmpty()) {
            out.append(markdownText(declared.summary())).append("\n\n");
        }
        if (declared.settings().isEmpty() && declared.families().isEmpty()) {
            out.append("No settings.\n");
            return;
        }
        out.append("| key | default | meaning |\n|---|---|---|\n");
        declared.settings().forEach(setting -> row(out, declared.key(setting.name()),
                setting.defaultValue().isEmpty() ? "" : "`" + setting.defaultValue() + "`", setting.description()));
        declared.families().forEach(family -> row(out, declared.key(family.form()), "", family.description()));
    }

    private static void row(StringBuilder out, String key, String defaultValue, String meaning) {
        out.append("| `").append(key).append("` | ").append(defaultValue).append(" | ")
                .append(markdownText(meaning)).append(" |\n");
    }

    /** Plain text as Markdown shows it: no tags out of {@code <bucket>}, no emphasis out of {@code *}. */
    private static String markdownText(String text) {
        return text.replace("|", "\\|").replace("*", "\\*").replace("<", "&lt;").replace(">", "&gt;");
    }
}
