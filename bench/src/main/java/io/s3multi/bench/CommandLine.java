package io.s3multi.bench;

import java.util.Optional;
import java.util.function.Function;

/** How every bench command reads its options: {@code --help} prints the usage; bad options print it and exit 2. */
final class CommandLine {

    private CommandLine() {
    }

    /**
     * The options {@code parser} reads from {@code args}; empty when only the usage was asked for.
     *
     * @param command the command's name, the start of an error line
     */
    static <T> Optional<T> parse(String[] args, String command, String usage, Function<String[], T> parser) {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.print(usage);
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(args));
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return Optional.empty();
        }
    }
}
