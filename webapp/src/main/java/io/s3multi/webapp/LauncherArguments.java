package io.s3multi.webapp;

import java.nio.file.Path;
import java.util.List;

/**
 * The launcher's command line: {@code [--conf FILE] [--port N] [--help]} ({@code --conf=FILE} and
 * {@code --port=N} work too).
 *
 * @param confFile the configuration file, or {@code null} for the usual lookup
 * @param port     the port that overrides {@code server.port}, or {@code null}
 * @param help     whether only the usage was asked for
 */
record LauncherArguments(Path confFile, Integer port, boolean help) {

    static final String USAGE = "usage: java -jar s3multi.jar [--conf FILE] [--port N]\n"
            + "  --conf FILE  the configuration (default: -Ds3multi.conf, $S3MULTI_CONF, else the built-in copy)\n"
            + "  --port N     listen on port N instead of server.port (0: any free port)\n"
            + "  any key of the configuration can be overridden with -Ds3multi.<key>=<value>";

    /** @throws IllegalArgumentException naming what is wrong with {@code args} */
    static LauncherArguments parse(String... args) {
        Path conf = null;
        Integer port = null;
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "-h", "--help" -> {
                    return new LauncherArguments(null, null, true);
                }
                case "--conf", "--port" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < list.size()) {
                        value = list.get(++i);
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    if (name.equals("--conf")) {
                        conf = Path.of(value);
                    } else {
                        port = parsePort(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new LauncherArguments(conf, port, false);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port '" + value + "' is not a port between 0 and 65535");
    }
}
