package io.s3multi.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line taken apart: the words (command, sub-command, operands) in order, and the options
 * ({@code --name value} or {@code --name=value}; flags take no value), wherever they stand.
 */
final class Arguments {

    /** The options that take no value. */
    private static final Set<String> FLAGS = Set.of("dry-run", "help");

    private final List<String> words;
    private final Map<String, String> options;
    private final Set<String> read = new HashSet<>();

    private Arguments(List<String> words, Map<String, String> options) {
        this.words = words;
        this.options = options;
    }

    static Arguments parse(String... args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                words.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (FLAGS.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (options.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        return new Arguments(List.copyOf(words), options);
    }

    /** The word at {@code index}, or empty. */
    Optional<String> word(int index) {
        return index < words.size() ? Optional.of(words.get(index)) : Optional.empty();
    }

    /** The word at {@code index}, or a usage error naming {@code what}. */
    String requireWord(int index, String what) {
        return word(index).orElseThrow(() -> new UsageException("missing " + what));
    }

    int wordCount() {
        return words.size();
    }

    Optional<String> option(String name) {
        read.add(name);
        return Optional.ofNullable(options.get(name));
    }

    String requireOption(String name) {
        return option(name).orElseThrow(() -> new UsageException("missing --" + name));
    }

    boolean flag(String name) {
        return option(name).isPresent();
    }

    /** Refuses options no command asked for (after the command read its own), so that a typo is no silent no-op. */
    void refuseUnread() {
        for (String name : options.keySet()) {
            if (!read.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    /** Refuses words after the {@code expected} ones. */
    void refuseWordsAfter(int expected) {
        if (words.size() > expected) {
            throw new UsageException("unexpected '" + words.get(expected) + "'");
        }
    }
}
