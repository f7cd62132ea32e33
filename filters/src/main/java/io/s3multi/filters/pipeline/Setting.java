package io.s3multi.filters.pipeline;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One setting, declared once: its name, its default as written in the configuration file, how its text becomes a
 * value, and what it means. Everything else about it is derived from this declaration: the defaults a stage
 * accepts ({@link DeclaredSettings#defaults()}), the refusal of unknown keys and unusable values, and the
 * configuration reference ({@link ConfigurationReference}).
 *
 * <pre>{@code
 * static final Setting<Integer> MAX_PARTS = Setting.integer("max_parts", "10000", 1, 10_000,
 *         "The greatest part number UploadPart accepts.");
 * ...
 * int maxParts = MAX_PARTS.read(settings);
 * }</pre>
 *
 * @param name         the key within its stage ({@code max_parts}) or at the top level ({@code server.port})
 * @param defaultValue the value when the file says nothing, as the file would write it; {@code ""} for none
 * @param parser       turns the trimmed text into the value, or says what is wrong with it
 * @param description  what the setting means, for operators (one or more sentences)
 * @param <T>          the type of the value
 */
public record Setting<T>(String name, String defaultValue, Parser<T> parser, String description) {

    /** Turns a setting's text into its value. */
    @FunctionalInterface
    public interface Parser<T> {

        /**
         * @throws IllegalArgumentException saying what is wrong: either a reason ({@code not a whole number}),
         *         shown after a colon, or a predicate ({@code is not a port between 0 and 65535}) that reads on
         *         from the value
         */
        T parse(String text);
    }

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(description, "description");
    }

    /** Free text, trimmed. */
    public static Setting<String> text(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, text -> text, description);
    }

    /** A whole number between {@code min} and {@code max}, inclusive. */
    public static Setting<Integer> integer(String name, String defaultValue, int min, int max, String description) {
        return new Setting<>(name, defaultValue, SettingParsers.integer(min, max), description);
    }

    /** A positive number of seconds, fractions allowed ({@code 0.5}), as Swift's timeouts are written. */
    public static Setting<Duration> seconds(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, SettingParsers::positiveSeconds, description);
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    public static Setting<URI> httpUrl(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, SettingParsers::httpUrl, description);
    }

    /**
     * A stage's {@code swift_url}: empty by default, which means the gateway's top-level {@code swift_url}; a
     * value of the stage's own wins ({@link FilterSettings#swiftUrl(Setting)}).
     */
    public static Setting<URI> swiftUrl(String description) {
        return httpUrl(SWIFT_URL, "", description + " Empty: the top-level " + SWIFT_URL + ".");
    }

    /** The name of the top-level Swift URL and of every stage's own override of it. */
    public static final String SWIFT_URL = "swift_url";

    /** This setting's value in a stage's settings (the file's text or the default). */
    public T read(FilterSettings settings) {
        return parse(settings.key(name), settings.text(name));
    }

    /** The default, parsed: what a file that says nothing gets. */
    public T parsedDefault() {
        return parse(name, defaultValue);
    }

    /**
     * Parses {@code text} given for {@code key}.
     *
     * @throws IllegalArgumentException naming the key, the value and what is wrong, e.g.
     *         {@code filter.proxy_server.connect_timeout = 'soon': not a number of seconds}
     */
    public T parse(String key, String text) {
        return parse(key, text, parser);
    }

    static <V> V parse(String key, String text, Parser<V> parser) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(complaint(key, text, e.getMessage()), e);
        }
    }

    /** {@code key = 'text': reason}, or {@code key = 'text' is not ...} for a reason that reads on. */
    static String complaint(String key, String text, String reason) {
        return key + " = '" + text + "'" + (reason.startsWith("is ") ? " " : ": ") + reason;
    }
}
